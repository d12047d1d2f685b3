//! The directory: users, their license details and service plans, and groups.

use serde::Deserialize;

/// The Intune service plan (`INTUNE_A`); its presence with status Success is what "licensed for Intune" means.
pub const INTUNE_SERVICE_PLAN_ID: &str = "c1ec4a95-1f05-45b3-a911-aa3fa01094f5";

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct User {
    pub id: String,
    pub display_name: String,
    pub user_principal_name: String,
    pub mail: Option<String>,
    /// Graph omits it unless `$select`ed; `None` means "not known", not "disabled".
    pub account_enabled: Option<bool>,
    pub department: Option<String>,
    pub job_title: Option<String>,
    pub mobile_phone: Option<String>,
    pub business_phones: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct LicenseDetail {
    pub id: String,
    pub sku_id: String,
    pub sku_part_number: String,
    pub service_plans: Vec<ServicePlanInfo>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ServicePlanInfo {
    pub service_plan_id: String,
    pub service_plan_name: String,
    pub provisioning_status: String,
}

impl ServicePlanInfo {
    pub fn is_intune(&self) -> bool {
        self.service_plan_id.eq_ignore_ascii_case(INTUNE_SERVICE_PLAN_ID) || self.service_plan_name == "INTUNE_A"
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Group {
    pub id: String,
    pub display_name: String,
    pub description: Option<String>,
    pub group_types: Vec<String>,
    pub membership_rule: Option<String>,
    pub security_enabled: Option<bool>,
}
