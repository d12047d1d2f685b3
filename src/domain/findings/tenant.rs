//! Tenant findings: the Intune subscription is not active, or Intune is not the tenant's MDM authority. Both
//! stop everything for every user of the tenant, so they come first.

use super::Finding;
use crate::model::{DeviceManagement, MdmAuthority, Organization};

pub(super) fn findings(organization: &Organization, management: &DeviceManagement, out: &mut Vec<Finding>) {
    let state = management.subscription_state;
    if !state.is_active() {
        out.push(Finding::TenantNotActive { state });
    }
    // Not read (an older proxy that drops the property) says nothing; a value that is not Intune is a finding.
    if let Some(authority) = organization.mobile_device_management_authority {
        if authority != MdmAuthority::Intune {
            out.push(Finding::MdmAuthorityNotIntune { authority });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SubscriptionState;

    fn run(state: SubscriptionState, authority: Option<MdmAuthority>) -> Vec<Finding> {
        let organization = Organization { mobile_device_management_authority: authority, ..Organization::default() };
        let management = DeviceManagement { subscription_state: state, ..DeviceManagement::default() };
        let mut out = Vec::new();
        findings(&organization, &management, &mut out);
        out
    }

    #[test]
    fn an_active_intune_tenant_has_no_finding() {
        assert!(run(SubscriptionState::Active, Some(MdmAuthority::Intune)).is_empty());
        assert!(run(SubscriptionState::Active, None).is_empty());
    }

    #[test]
    fn every_state_but_active_is_a_finding() {
        for state in [SubscriptionState::Disabled, SubscriptionState::Warning, SubscriptionState::Unknown] {
            assert_eq!(run(state, Some(MdmAuthority::Intune)), vec![Finding::TenantNotActive { state }]);
        }
    }

    #[test]
    fn another_or_no_mdm_authority_is_a_finding() {
        for authority in [MdmAuthority::Office365, MdmAuthority::Sccm, MdmAuthority::Unknown] {
            assert_eq!(
                run(SubscriptionState::Active, Some(authority)),
                vec![Finding::MdmAuthorityNotIntune { authority }]
            );
        }
    }
}
