//! All navigation state lives in the query string of the page Tier1 is served from: `?user=…&view=…`.
//! Links can be bookmarked or pasted into a ticket, back/forward work, and because the path never changes,
//! any static file server (no SPA fallback) and any sub-path of a host portal can serve the app.

use crate::demo_tenants::DEMO_TENANT_IDS;
use crate::i18n::Key;
use crate::percent;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Devices,
    ClientApps,
    Compliance,
    Configuration,
    AppProtectionPolicies,
    AppProtectionStatus,
    EnrollmentRestrictions,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Devices,
        View::ClientApps,
        View::Compliance,
        View::Configuration,
        View::AppProtectionPolicies,
        View::AppProtectionStatus,
        View::EnrollmentRestrictions,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            View::Devices => "devices",
            View::ClientApps => "apps",
            View::Compliance => "compliance",
            View::Configuration => "configuration",
            View::AppProtectionPolicies => "app-protection-policies",
            View::AppProtectionStatus => "app-protection-status",
            View::EnrollmentRestrictions => "enrollment-restrictions",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.slug() == slug)
    }

    pub fn title(self) -> Key {
        match self {
            View::Devices => Key::ViewDevices,
            View::ClientApps => Key::ViewClientApps,
            View::Compliance => Key::ViewCompliance,
            View::Configuration => Key::ViewConfiguration,
            View::AppProtectionPolicies => Key::ViewAppProtectionPolicies,
            View::AppProtectionStatus => Key::ViewAppProtectionStatus,
            View::EnrollmentRestrictions => Key::ViewEnrollmentRestrictions,
        }
    }
}

/// The element id of a view's tab in the data selector (links elsewhere move focus to it).
pub fn tab_id(view: View) -> String {
    format!("t1-tab-{}", view.slug())
}

/// Query parameter names.
pub mod param {
    pub const TENANT: &str = "tenant";
    pub const USER: &str = "user";
    pub const VIEW: &str = "view";
    /// The enrollment failure whose details are open.
    pub const FAILURE: &str = "failure";
    /// The managed device whose details (and actions) are open in the Devices view.
    pub const DEVICE: &str = "device";
    /// The row a finding's evidence link points at: highlighted and scrolled into view in the current view.
    pub const ROW: &str = "row";
    /// Demo mode only: the demo operator signed in (object id or user principal name).
    pub const OPERATOR: &str = "operator";
    /// Demo mode only: failure injection and fixed latency, for training and tests.
    pub const FAULT: &str = "fault";
    pub const LATENCY: &str = "latency";
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// Demo tenant id; `None` is the default tenant.
    pub tenant: Option<String>,
    /// User object id (a user principal name also works).
    pub user: Option<String>,
    pub view: View,
    /// Id of the enrollment failure whose details are open.
    pub failure: Option<String>,
    /// Id of the managed device whose details are open.
    pub device: Option<String>,
    /// Key of the row to highlight in the view (`id` or `id|deviceId`), from an evidence link.
    pub row: Option<String>,
    /// Demo operator (id or user principal name); `None` is the tenant's first operator.
    pub operator: Option<String>,
    pub fault: Option<String>,
    pub latency: Option<String>,
}

impl Location {
    /// Reads `?a=b&c=d` (leading `?` optional). Unknown or malformed values fall back to defaults.
    pub fn from_query(query: &str) -> Self {
        let pairs = parse_query(query);
        Self::from_params(|name| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
    }

    /// Builds a location from decoded query parameters, as the router's query map provides them.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let value = |name| get(name).filter(|v| !v.is_empty());
        Location {
            tenant: value(param::TENANT).filter(|t| DEMO_TENANT_IDS.contains(&t.as_str()) && t != DEMO_TENANT_IDS[0]),
            user: value(param::USER),
            view: value(param::VIEW).and_then(|v| View::from_slug(&v)).unwrap_or_default(),
            failure: value(param::FAILURE),
            device: value(param::DEVICE),
            row: value(param::ROW),
            operator: value(param::OPERATOR),
            fault: value(param::FAULT),
            latency: value(param::LATENCY),
        }
    }

    /// `?user=…&view=…`, omitting defaults, always starting with `?` so it can be used as a relative href.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if let Some(t) = &self.tenant {
            pairs.push((param::TENANT, t));
        }
        if let Some(o) = &self.operator {
            pairs.push((param::OPERATOR, o));
        }
        if let Some(u) = &self.user {
            pairs.push((param::USER, u));
            if self.view != View::default() {
                pairs.push((param::VIEW, self.view.slug()));
            }
            if let Some(f) = &self.failure {
                pairs.push((param::FAILURE, f));
            }
            if let Some(d) = &self.device {
                pairs.push((param::DEVICE, d));
            }
            if let Some(r) = &self.row {
                pairs.push((param::ROW, r));
            }
        }
        if let Some(f) = &self.fault {
            pairs.push((param::FAULT, f));
        }
        if let Some(l) = &self.latency {
            pairs.push((param::LATENCY, l));
        }
        let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", percent::encode(v))).collect();
        format!("?{}", body.join("&"))
    }

    pub fn tenant_id(&self) -> &str {
        self.tenant.as_deref().unwrap_or(DEMO_TENANT_IDS[0])
    }

    pub fn with_user(&self, user: Option<String>) -> Self {
        Location { user, view: View::default(), failure: None, device: None, row: None, ..self.clone() }
    }

    /// A device's details belong to the Devices view: another view closes them.
    pub fn with_view(&self, view: View) -> Self {
        let device = if view == View::Devices { self.device.clone() } else { None };
        Location { view, device, row: None, ..self.clone() }
    }

    pub fn with_device(&self, device: Option<String>) -> Self {
        Location { device, ..self.clone() }
    }

    /// Signing in as another demo operator keeps the user: whether they may be opened is checked again.
    pub fn with_operator(&self, operator: Option<String>) -> Self {
        Location { operator, ..self.clone() }
    }

    /// The row to highlight in the current view.
    pub fn with_row(&self, row: Option<String>) -> Self {
        Location { row, ..self.clone() }
    }

    pub fn with_failure(&self, failure: Option<String>) -> Self {
        Location { failure, ..self.clone() }
    }

    /// Switching tenant clears the user and the operator, who belong to the other tenant.
    pub fn with_tenant(&self, tenant: &str) -> Self {
        let tenant = (tenant != DEMO_TENANT_IDS[0]).then(|| tenant.to_string());
        Location {
            tenant,
            user: None,
            view: View::default(),
            failure: None,
            device: None,
            row: None,
            operator: None,
            ..self.clone()
        }
    }
}

fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent::decode(k), percent::decode(v))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_field() {
        for view in View::ALL {
            let loc = Location {
                tenant: Some("northwind-lab".into()),
                user: Some("zoë.ångström+x@aurora-logistics.example".into()),
                view,
                failure: Some("81c1dffa-dc11-5374-b494-a64d44f8a4be".into()),
                device: Some("b5bbac2d-23d4-52fc-a901-45255e620747".into()),
                row: Some("8e1b|b5bb".into()),
                operator: Some("felix.kohler@aurora-logistics.example".into()),
                fault: Some("managedDevices:500".into()),
                latency: Some("0".into()),
            };
            assert_eq!(Location::from_query(&loc.to_query()), loc, "{}", loc.to_query());
        }
    }

    #[test]
    fn defaults_are_omitted() {
        assert_eq!(Location::default().to_query(), "?");
        let loc = Location::default().with_user(Some("u1".into()));
        assert_eq!(loc.to_query(), "?user=u1");
        assert_eq!(loc.with_view(View::Compliance).to_query(), "?user=u1&view=compliance");
    }

    #[test]
    fn junk_falls_back_to_defaults() {
        let loc = Location::from_query("?view=nope&tenant=evil&user=&x=1&%zz");
        assert_eq!(loc, Location::default());
        assert_eq!(Location::from_query("tenant=aurora").tenant, None);
    }

    #[test]
    fn switching_tenant_clears_the_user() {
        let loc = Location::from_query("?user=u1&view=apps&failure=e1&latency=0").with_tenant("northwind-lab");
        assert_eq!(loc.user, None);
        assert_eq!(loc.failure, None);
        assert_eq!(loc.tenant.as_deref(), Some("northwind-lab"));
        assert_eq!(loc.latency.as_deref(), Some("0"));
    }

    #[test]
    fn operator_and_device_round_trip_and_follow_their_owners() {
        let loc = Location::from_query("?operator=ruud.hendriks%40aurora-logistics.example&user=u1&device=d1");
        assert_eq!(loc.operator.as_deref(), Some("ruud.hendriks@aurora-logistics.example"));
        assert_eq!(loc.device.as_deref(), Some("d1"));
        assert_eq!(Location::from_query(&loc.to_query()), loc);
        // The operator stays when the user changes; the device does not.
        let other = loc.with_user(Some("u2".into()));
        assert_eq!((other.operator.as_deref(), other.device), (loc.operator.as_deref(), None));
        assert_eq!(loc.with_view(View::ClientApps).device, None);
        assert_eq!(loc.with_view(View::Devices).device.as_deref(), Some("d1"));
        let switched = loc.with_operator(Some("felix.kohler".into()));
        assert_eq!((switched.user.as_deref(), switched.device.as_deref()), (Some("u1"), Some("d1")));
        let lab = loc.with_tenant("northwind-lab");
        assert_eq!((lab.operator, lab.device, lab.user), (None, None, None));
        // An operator without a user is kept; a device without a user is not a location.
        assert_eq!(Location::default().with_operator(Some("x".into())).to_query(), "?operator=x");
        assert_eq!(Location::default().with_device(Some("d".into())).to_query(), "?");
    }

    #[test]
    fn markup_in_values_is_encoded() {
        let loc = Location::default().with_user(Some("<img src=x>".into()));
        assert!(!loc.to_query().contains('<'));
        assert_eq!(Location::from_query(&loc.to_query()).user.as_deref(), Some("<img src=x>"));
    }
}
