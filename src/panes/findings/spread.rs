//! "One user or many?" in a finding: once Intune's tenant-wide counts load (after the findings, which never
//! wait for them), how many other devices or users show the same cause; above the incident threshold the
//! finding is marked as an incident, the Intune administrator acts and the next step says so.

use leptos::prelude::*;

use crate::domain::findings::Finding;
use crate::domain::incident::{actor, reach, KnownSpreads, Reach};
use crate::domain::prevalence::Unit;
use crate::domain::status::DeviceRecord;
use crate::i18n::{Key, Locale};
use crate::panes::user_data::{Loaded, UserData};
use crate::state::use_incident_threshold;
use crate::test_ids;

use super::text::actor_key;
use super::Advice;

/// What the findings box's items read their spread from.
#[derive(Clone, Copy)]
struct Spreads {
    known: LocalResource<KnownSpreads>,
    devices: LocalResource<Loaded<Vec<DeviceRecord>>>,
    threshold: u32,
}

/// Makes the user's spreads available to the findings listed below this point.
pub fn provide(data: UserData) {
    provide_context(Spreads { known: data.spreads, devices: data.devices, threshold: use_incident_threshold() });
}

/// The reach of a finding's cause, once its count has loaded; `None` before, or for a finding without one.
pub fn reach_of(finding: &Finding) -> Memo<Option<Reach>> {
    let spreads = use_context::<Spreads>();
    let finding = finding.clone();
    Memo::new(move |_| {
        let Spreads { known, devices, threshold } = spreads?;
        let known = known.get()?;
        let devices = devices.get()?.ok()?;
        reach(&finding, &devices, &known, threshold)
    })
}

/// The sentence: how many others, and for an incident how many in all and that it is the administrator's.
pub fn spread_text(l: Locale, r: Reach) -> String {
    let others = match (r.unit, r.others) {
        (Unit::Devices, 0) => l.text(Key::SpreadNoOtherDevice).to_string(),
        (Unit::Devices, 1) => l.text(Key::SpreadOneOtherDevice).to_string(),
        (Unit::Devices, n) => l.fill(Key::SpreadOtherDevices, &[("count", &n.to_string())]),
        (Unit::Users, 0) => l.text(Key::SpreadNoOtherUser).to_string(),
        (Unit::Users, 1) => l.text(Key::SpreadOneOtherUser).to_string(),
        (Unit::Users, n) => l.fill(Key::SpreadOtherUsers, &[("count", &n.to_string())]),
    };
    if !r.incident {
        return others;
    }
    let key = if r.unit == Unit::Users { Key::IncidentUsers } else { Key::IncidentDevices };
    format!("{} {others}", l.fill(key, &[("count", &r.affected.to_string())]))
}

/// What the finding asks for once its reach is known: an incident is reported to the Intune administrator as
/// one case rather than fixed on one device; otherwise the advice stands.
pub fn with_reach(l: Locale, advice: Advice, finding: &Finding, r: Option<Reach>) -> Advice {
    match r {
        Some(r) if r.incident => Advice {
            next_step: l.text(Key::StepIncident).to_string(),
            who_acts: l.text(actor_key(actor(finding, Some(r)))).to_string(),
            ..advice
        },
        _ => advice,
    }
}

/// The spread line under a finding's sentence; nothing until the count loads.
#[component]
pub fn SpreadLine(reach: Memo<Option<Reach>>, locale: RwSignal<Locale>) -> impl IntoView {
    move || {
        reach.get().map(|r| {
            let class =
                if r.incident { "t1-finding__spread t1-finding__spread--incident" } else { "t1-finding__spread" };
            let badge = r.incident.then(|| {
                view! {
                    <span class="t1-badge t1-finding__incident">{move || locale.get().text(Key::IncidentBadge)}</span>
                    " "
                }
            });
            view! {
                <p class=class data-testid=test_ids::FINDING_SPREAD data-incident=r.incident.to_string()>
                    {badge}
                    {move || spread_text(locale.get(), r)}
                </p>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panes::findings::advice;

    fn r(affected: u32, others: u32, unit: Unit, incident: bool) -> Reach {
        Reach { affected, others, unit, incident }
    }

    #[test]
    fn the_sentence_counts_others_and_names_an_incident() {
        let l = Locale::En;
        assert_eq!(spread_text(l, r(1, 0, Unit::Devices, false)), "No other device in the tenant shows this.");
        assert_eq!(spread_text(l, r(2, 1, Unit::Users, false)), "Also for 1 other user in the tenant.");
        assert_eq!(
            spread_text(l, r(6, 5, Unit::Users, true)),
            "Affects 6 users: an incident for the IT administrator, not a single-user fix. \
             Also for 5 other users in the tenant."
        );
        assert!(spread_text(Locale::Fr, r(8, 7, Unit::Devices, true)).starts_with("Touche 8 appareils\u{a0}:"));
    }

    #[test]
    fn an_incident_goes_to_the_intune_administrator() {
        let finding = Finding::AppInstallFailed {
            app: "Teams".into(),
            app_id: "a".into(),
            device: "AUR-SCN-458".into(),
            device_id: "d".into(),
            code: None,
        };
        let l = Locale::En;
        let plain = advice(l, &finding, None);
        assert_eq!(plain.who_acts, l.text(Key::ActorOperator));
        let incident = with_reach(l, plain.clone(), &finding, Some(r(6, 5, Unit::Users, true)));
        assert_eq!(
            (incident.next_step.as_str(), incident.who_acts.as_str()),
            (l.text(Key::StepIncident), l.text(Key::ActorAdmin))
        );
        assert_eq!(with_reach(l, plain.clone(), &finding, Some(r(2, 1, Unit::Users, false))), plain);
        assert_eq!(with_reach(l, plain.clone(), &finding, None), plain);
    }
}
