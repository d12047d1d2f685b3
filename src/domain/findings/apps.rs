//! App findings: an app install that failed on one of the user's devices, with its error code.

use super::Finding;
use crate::domain::status::AppRecord;
use crate::model::hresult_hex;

pub(super) fn findings(apps: &[AppRecord], out: &mut Vec<Finding>) {
    for app in apps {
        for status in app.statuses.iter().filter(|s| s.install_state.is_failure()) {
            out.push(Finding::AppInstallFailed {
                app: app.app.display_name.clone(),
                app_id: app.app.id.clone(),
                device: status.device_name.clone(),
                device_id: status.device_id.clone(),
                code: status.error_code.filter(|c| *c != 0).map(hresult_hex),
            });
        }
    }
}
