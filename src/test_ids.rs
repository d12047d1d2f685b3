//! `data-testid` values shared by the components and the browser tests.

pub const ACCOUNT_STATUS: &str = "account-status";
pub const TENANT_NAME: &str = "tenant-name";
pub const TENANT_STATE: &str = "tenant-state";
pub const MDM_AUTHORITY: &str = "mdm-authority";
pub const TENANT_SWITCH: &str = "tenant-switch";
pub const LANGUAGE_SWITCH: &str = "language-switch";
pub const USER_SEARCH: &str = "user-search";
pub const USER_RESULTS: &str = "user-results";
pub const USER_RESULT: &str = "user-result";
pub const SEARCH_STATUS: &str = "search-status";
pub const SELECTED_USER: &str = "selected-user";
pub const CHANGE_USER: &str = "change-user";
pub const USER_STATUS: &str = "user-status";
pub const LICENSE_STATUS: &str = "license-status";
pub const ACCOUNT_STATE: &str = "account-state";
pub const DEVICE_SUMMARY: &str = "device-summary";
pub const APP_SUMMARY: &str = "app-summary";
pub const FINDINGS_UNAVAILABLE: &str = "findings-unavailable";
pub const FINDINGS: &str = "findings";
pub const FINDING: &str = "finding";
/// A link from a finding to where its evidence is shown.
pub const EVIDENCE_LINK: &str = "evidence-link";
pub const FINDING_NEXT_STEP: &str = "finding-next-step";
pub const FINDING_MEANING: &str = "finding-meaning";
/// The sentence of one finding (a finding's element also holds the findings that follow from it).
pub const FINDING_WHAT: &str = "finding-what";
pub const FINDING_WHO_ACTS: &str = "finding-who-acts";
/// How far a finding's cause reaches across the tenant (`data-incident="true"` for an incident).
pub const FINDING_SPREAD: &str = "finding-spread";
pub const DATA_SELECTOR: &str = "data-selector";
pub const VIEW_TAB: &str = "view-tab";
pub const DATA_TABLE: &str = "data-table";
pub const TABLE_FILTER: &str = "table-filter";
pub const TABLE_ROW: &str = "table-row";
pub const TABLE_COUNT: &str = "table-count";
pub const LIMIT_SUMMARY: &str = "limit-summary";
pub const GROUP_MEMBERSHIP: &str = "group-membership";
pub const LOADING: &str = "loading";
pub const EMPTY: &str = "empty";
pub const ERROR_PANEL: &str = "error-panel";
pub const RETRY: &str = "retry";
pub const ENROLLMENT_FAILURES: &str = "enrollment-failures";
pub const FAILURE_DETAILS: &str = "failure-details";
pub const FAILURE_EVIDENCE: &str = "failure-evidence";
pub const REMEDIATION_STEPS: &str = "remediation-steps";
pub const SERVICE_REMEDIATION: &str = "service-remediation";
pub const NO_REMEDIATION: &str = "no-remediation";
pub const TIER1_LINK: &str = "tier1-link";
pub const DOC_LINK: &str = "doc-link";
pub const COLLECT_GUIDE: &str = "collect-guide";
pub const RAW_EVENT: &str = "raw-event";
pub const CLOSE_DETAILS: &str = "close-details";
pub const CONFIG_ERROR: &str = "config-error";
pub const THROTTLED: &str = "throttled";
pub const LIVE_BADGE: &str = "live-badge";
pub const SESSION_BUTTON: &str = "session-button";

// Operators, scope and device actions
pub const USER_RESULT_NOTE: &str = "user-result-note";
pub const OPERATOR_SWITCH: &str = "operator-switch";
pub const OPERATOR_PROBLEM: &str = "operator-problem";
pub const MY_PERMISSIONS_BUTTON: &str = "my-permissions-button";
pub const MY_PERMISSIONS: &str = "my-permissions";
pub const PERMISSION_GROUP: &str = "permission-group";
pub const PERMISSION_ITEM: &str = "permission-item";
pub const ACTION_LOG_BUTTON: &str = "action-log-button";
pub const ACTION_LOG: &str = "action-log";
pub const DOWNLOAD_CSV: &str = "download-csv";
pub const OUT_OF_SCOPE: &str = "out-of-scope";
pub const CHECKING_SCOPE: &str = "checking-scope";
pub const PERMISSION_NEEDED: &str = "permission-needed";
pub const ROW_ACTIONS: &str = "row-actions";
pub const DEVICE_ACTION: &str = "device-action";
pub const ACTION_BLOCKED: &str = "action-blocked";
pub const ACTION_STATUS: &str = "action-status";
pub const MANAGEMENT_STATE: &str = "management-state";
pub const DEVICE_DETAILS: &str = "device-details";
pub const DEVICE_NOT_SHOWN: &str = "device-not-shown";
pub const ACTION_RESULTS: &str = "action-results";
pub const ACTION_ERROR: &str = "action-error";
pub const CONFIRM_DIALOG: &str = "confirm-dialog";
pub const CONFIRM_NAME: &str = "confirm-name";
pub const CONFIRM_BUTTON: &str = "confirm-button";
pub const CONFIRM_LOSSES: &str = "confirm-losses";
/// The compliance policies of one device, in its details.
pub const DEVICE_COMPLIANCE_POLICIES: &str = "device-compliance-policies";
/// A view or value that depends on a source that did not load (issue 18).
pub const NOT_EVALUATED: &str = "not-evaluated";
pub const FINDINGS_ANNOUNCEMENT: &str = "findings-announcement";
pub const SETTINGS_MENU: &str = "settings-menu";
/// The case summary's actions: copy, download (a disclosure of formats) and the copied / not copied status.
pub const COPY_CASE_SUMMARY: &str = "copy-case-summary";
pub const DOWNLOAD_CASE_SUMMARY: &str = "download-case-summary";
pub const CASE_SUMMARY_STATUS: &str = "case-summary-status";
/// The device that led to a user in the lookup (found by its name or serial number).
pub const USER_RESULT_DEVICE: &str = "user-result-device";
