//! The tenant-wide counts behind "one user or many?": one small GET per policy, setting list or app, made
//! together with the other calls of their wave (one `$batch` in REST mode).

use super::endpoints::{app_install_summary_request, policy_status_overview_request, setting_state_summaries_request};
use super::{ApiError, GraphClient};
use crate::model::{AppInstallSummary, Collection, PolicyStatusOverview, SettingStateSummary};

impl GraphClient {
    pub async fn policy_status_overview(
        &self,
        policy_id: &str,
        compliance: bool,
    ) -> Result<PolicyStatusOverview, ApiError> {
        self.get(&policy_status_overview_request(policy_id, compliance)).await
    }

    pub async fn setting_state_summaries(&self, policy_id: &str) -> Result<Vec<SettingStateSummary>, ApiError> {
        let page: Collection<SettingStateSummary> = self.get(&setting_state_summaries_request(policy_id)).await?;
        Ok(page.value)
    }

    pub async fn app_install_summary(&self, app_id: &str) -> Result<AppInstallSummary, ApiError> {
        self.get(&app_install_summary_request(app_id)).await
    }
}
