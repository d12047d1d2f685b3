macro_rules! keys {
    ($($name:ident),* $(,)?) => {
        /// A visible string. Add a key here and the compiler lists every locale that needs it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key { $($name),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$name),*];
        }
    };
}

keys! {
    // Chrome
    AppName, AppTagline, SkipToContent, LanguageLabel, DemoTenantLabel, DemoBadge, LangEn, LangNl, LangFr,
    // Account status
    AccountStatusTitle, TenantActive, TenantInactive, SubscriptionState, TenantInactiveHelp, DomainLabel,
    // User selection
    UserSelectionTitle, SearchLabel, SearchPlaceholder, SearchHint, SearchNoResults, SearchResultsCount,
    SearchSearching, SearchMinChars, ChangeUser, Cancel, NoUserSelected, OutOfDateUser,
    // User status
    UserStatusTitle, IntuneLicense, Licensed, NotLicensed, PlanNotActive, AccountLabel, AccountEnabled,
    AccountDisabled, Unknown, DevicesLabel, DeviceCountSummary, AppsLabel, AppsSummary, FindingsTitle, NoFindings,
    FindingAccountDisabled, FindingNoLicense, FindingPlanNotActive, FindingLimitReached, FindingNotCompliant, FindingStale,
    FindingProfileError, FindingAppFailed, ErrorCodeSuffix, ShowInView,
    // Data selector
    DataSelectorTitle, ViewDevices, ViewClientApps, ViewCompliance, ViewConfiguration, ViewAppProtectionPolicies,
    ViewAppProtectionStatus, ViewEnrollmentRestrictions, FilterLabel, FilterPlaceholder, RowsShown, SortBy,
    NoRowsFiltered, Loading, EmptyDevices, EmptyApps, EmptyPolicies, EmptyAppProtectionPolicies,
    EmptyAppRegistrations, EmptyRestrictions, EmptyGroups,
    // Columns
    ColDeviceName, ColManagedBy, ColOwnership, ColIntuneCompliant, ColOs, ColOsVersion, ColLastCheckIn,
    ColAppInstall, ColAppName, ColPlatform, ColAssignment, ColInstallStatus, ColPolicyName, ColState,
    ColLastModified, ColDeployedApps, ColStatus, ColAppVersion, ColPolicies, ColLastSync, ColDeviceType, ColType,
    ColPriority, ColDeviceLimit, ColBlockedPlatforms, ColOsVersions, ColAppliesToUser, ColGroupName,
    ColMembershipType, ColDirect, ColObjectId, ColDevice,
    // Values
    ManagedByMdm, ManagedByConfigMgr, ManagedByCoManaged, ManagedByMde, ManagedByEas, ManagedByOther,
    OwnershipCompany, OwnershipPersonal, Yes, No, NoInGrace, ComplianceCompliant, ComplianceNoncompliant,
    ComplianceConflict, ComplianceError, ComplianceInGrace, ComplianceConfigMgr, StateSucceeded,
    StateNonCompliant, StateNotApplicable, StateRemediated, StateNotAssigned,
    NoStateReported, InstallInstalled, InstallFailed, InstallNotInstalled, InstallUninstallFailed, InstallPending,
    IntentRequired, IntentAvailable, IntentAvailableWithoutEnrollment, IntentUninstall,
    ViaGroup, ViaAllUsers, ViaAllDevices, NotTargeted, NotTargetedNoGroups, ExcludedVia, Unassigned,
    AppInstallNoFailures, AppInstallFailures, AppInstallNone, JustNow, AgoMinutes, AgoHours, AgoOneDay, AgoDays, Never,
    PlatformWindows, PlatformIos, PlatformAndroid, PlatformAndroidEnterprise, PlatformMacos, PlatformAll,
    RestrictionLimit, RestrictionPlatforms, RestrictionWindowsHello, RestrictionOther, DefaultPriority,
    AppliesEffective, AppliesOverridden, DoesNotApply, NoneBlocked, PersonalBlocked, OsVersionAtLeast,
    OsVersionAtMost, AnyOsVersion, LimitSummary, LimitReached, CheckedIn, NotCheckedIn, FlaggedRooted,
    GroupsTitle, MembershipAssigned, MembershipDynamicUser, MembershipDynamicDevice, Direct, Transitive,
    // Enrollment failures
    FailuresTitle, FailuresIntro, EmptyFailures, ColEnrollmentStart, ColFailure, ColLaterAttempt, LaterEnrolled,
    NoLaterEnrollment, UnknownFailure, FailureNotFound, FailureDetailsTitle, CloseDetails, EnrollmentTypeLabel,
    FailureCategoryLabel, ErrorCodeLabel, CorrelationIdLabel, WhatHappened, ServiceExplanation, TenantEvidenceTitle,
    NoTenantEvidence, EvEnrolledLater, EvDeviceCap, EvDeviceCapStill, EvDeviceCapRoom, EvPlatformBlocked,
    EvVersionLow, EvVersionHigh, EvPersonalBlocked, EvRestrictionAllowsNow, EvUnlicensed, EvPlanNotActive,
    EvLicensedNow, RemediationTitle, KnowledgeBaseSource, ServiceRemediation, NoRemediation, WhoActs, ActorUser,
    ActorOperator, ActorAdmin, ResourcesTitle, InTier1, Documentation, OpensInNewTab, LinkRestrictions, LinkLicense,
    LinkDevices, LinkGroups, LinkAccount, CollectDataTitle, CollectDataIntro, CollectIos, CollectAndroidEmail,
    CollectAndroidUsb, CollectAndroidVerbose, CollectWindows, GuideForUser, RawEventTitle, CopyEvent,
    KnowledgeBaseName, ReasonIosTimeout, ReasonUserNotLicensed, ReasonDeviceAlreadyEnrolled, ReasonNotOnboarded,
    ReasonAuthorizationFailed, ReasonDeviceNotSupported, ReasonRestrictionsNotMet, ReasonVersionTooLow,
    ReasonVersionTooHigh, ReasonPersonalBlocked, ReasonPlatformBlocked, ReasonBulkTokenExpired,
    ReasonAutopilotDeviceNotFound, ReasonAutopilotProfileNotAssigned, ReasonAutopilotMethodUnexpected,
    ReasonAutopilotDeviceRemoved, ReasonDeviceCapReached, ReasonAppleOnboarding, ReasonNotPreregistered,
    ReasonFeatureNotSupported, CategoryUnknown, CategoryAuthentication, CategoryAuthorization,
    CategoryAccountValidation, CategoryUserValidation, CategoryDeviceNotSupported, CategoryInMaintenance,
    CategoryBadRequest, CategoryFeatureNotSupported, CategoryRestrictionsEnforced, CategoryClientDisconnected,
    CategoryUserAbandonment,
    // Configuration, REST mode and sign-in
    ConfigErrorTitle, ConfigErrorKey, ConfigErrorHelp, ThrottledWaiting, LiveBadge, SignIn, SignOut, SignInNeeded,
    // Errors
    FindingsUnavailable, ErrorTitle, ErrorNetwork, ErrorUnauthorized, ErrorForbidden, ErrorForbiddenPermission, ErrorNotFound, ErrorThrottled,
    ErrorThrottledSoon, ErrorServer, ErrorBadRequest, ErrorDecode, Retry, CopyDetails, Copied, ErrorDetails,
    // Operators, scope and device actions (issue 4)
    OperatorLabel, OperatorNoRole, OperatorsUnavailable, OperatorSignedIn, MyPermissionsButton, ActionLogButton,
    CloseDialog, MyPermissionsTitle, MyPermissionsIntro, MyPermissionsRoles, ColRole, ColRoleType, ColRoleAssignment,
    ColScope, RoleBuiltIn, RoleCustom, RoleUnknown, ScopeGroups, ScopeAllUsers, ScopeAllDevices,
    ScopeAllUsersAndDevices, PermissionsTitle, PermissionsEverything, PermissionsEverythingItem, PermissionsAllOf,
    PermissionsOther, NoRoleAssignment, ResAudit, ResDeviceCompliancePolices, ResDeviceConfigurations,
    ResDeviceEnrollmentManagers, ResManagedApps, ResManagedDevices, ResMobileApps, ResOrganization, ResRemoteTasks,
    ResRoles, PermRead, PermViewReports, PermCreate, PermUpdate, PermDelete, PermAssign, PermSetPrimaryUser,
    PermWipe, PermActivateDeviceEsim, PermChangeAssignments, PermCleanPC, PermConfigurationManagerAction,
    PermCustomNotification, PermDeviceLogs, PermDisableLostMode, PermEnableLostMode, PermEnableWindowsIntuneAgent,
    PermGetFileVaultKey, PermInitiateDeviceAttestation, PermInitiateMDMKeyRecovery, PermLocateDevice,
    PermManageSharedDeviceUsers, PermOnDemandProactiveRemediation, PermPlayLostModeSound, PermRebootNow,
    PermRemoteLock, PermRequestRemoteAssistance, PermResetPasscode, PermRetire, PermRevokeAppleVppLicenses,
    PermRotateBitLockerKeys, PermRotateFileVaultKey, PermSetDeviceName, PermShutDown, PermSyncDevice,
    PermUpdateDeviceAccount, PermWindowsDefender, ActSync, ActRestart, ActFreshStart, ActDefenderScan,
    OutOfScopeUser, OutOfScopeUserNoGroups, NoAssignmentUser, OutOfScopeNote, OutOfScopeNoteNoGroups,
    NoAssignmentNote, CheckingScope, PermissionNeeded, ColActions, DeviceActionsMenu, DeviceActionsFor,
    BlockedNeedsPermission, BlockedOutOfScope, BlockedOutOfScopeNoGroups, BlockedRemoving, BlockedPending,
    StageSending, StagePending, StageSent, StageDone, StageFailed, StageNotSupported, StageNotSent, StatusSending,
    StatusPending, StatusSent, StatusDone, StatusFailed, StatusNotSent, FailedDidNotConfirm, FailedNotSupported,
    MgmtManaged, MgmtRetirePending, MgmtWipePending, DeviceRemoved, DeviceNotFound, DeviceDetailsTitle,
    FactManagementState, FactSupervised, ActionResultsTitle, ActionResultsIntro, EmptyActionResults, ColAction,
    ColStarted, ColLastUpdated, ColOperator, ColFinished, ColResult, ColUser, ColDeviceId, ConfirmTitle,
    ConfirmLosses, ConfirmKeep, ConfirmTypeName, ConfirmNameMismatch, ConfirmNameMatches, ConfirmIrreversible,
    ConfirmRetire, ConfirmWipe, ConfirmFreshStart, LossCompanyData, LossAppsAndSettings, LossUserFiles,
    LossManagement, OptionKeepEnrollment, OptionKeepUserData, ActionLogTitle, ActionLogIntro, EmptyActionLog,
    DownloadCsv, ActionNotSentTitle,
}
