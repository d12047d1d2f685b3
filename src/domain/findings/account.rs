//! Account findings: the account is disabled, or the user has no working Intune license.

use super::Finding;
use crate::domain::status::LicenseStatus;
use crate::model::User;

pub(super) fn findings(user: &User, license: &LicenseStatus, out: &mut Vec<Finding>) {
    if user.account_enabled == Some(false) {
        out.push(Finding::AccountDisabled);
    }
    match license {
        LicenseStatus::Unlicensed => out.push(Finding::NoIntuneLicense),
        LicenseStatus::PlanNotActive { sku, provisioning } => {
            out.push(Finding::IntunePlanNotActive { sku: sku.clone(), provisioning: provisioning.clone() })
        }
        LicenseStatus::Licensed { .. } => {}
    }
}
