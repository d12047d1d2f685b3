//! A polite live region that says, once the findings are known, how many there are for the selected user:
//! after choosing a user a screen reader hears the outcome without reading the whole status card. The
//! findings box reports its count through context, so the announcement always matches what it shows.

use leptos::prelude::*;

use super::user_data::UserData;
use crate::i18n::{Key, Locale};
use crate::state::use_locale;
use crate::test_ids;

/// The number of findings shown; `Some(Err(()))` when nothing was found but not every check could run; `None`
/// while they wait.
#[derive(Clone, Copy)]
struct FindingsCount(RwSignal<Option<Result<usize, ()>>>);

/// Called by the findings box with its current count (reactive), for the announcement below.
pub fn report_findings(count: impl Fn() -> Option<Result<usize, ()>> + 'static) {
    if let Some(FindingsCount(shown)) = use_context::<FindingsCount>() {
        Effect::new(move |_| shown.set(count()));
    }
}

/// The live region; render it once per selected user, before the findings box (it provides the context).
#[component]
pub fn FindingsAnnouncement(data: UserData) -> impl IntoView {
    let count = RwSignal::new(None);
    provide_context(FindingsCount(count));
    let locale = use_locale();
    let name = move || data.user.get().and_then(Result::ok).map(|info| info.user.display_name);
    let text = move || name().and_then(|name| announcement(locale.get(), &name, count.get()));
    view! {
        <p class="t1-visually-hidden" role="status" data-testid=test_ids::FINDINGS_ANNOUNCEMENT>
            {text}
        </p>
    }
}

/// What is announced for `user` with `count` findings; nothing while the checks are still waiting.
fn announcement(l: Locale, user: &str, count: Option<Result<usize, ()>>) -> Option<String> {
    Some(match count? {
        Err(()) => l.fill(Key::FindingsAnnouncedUnavailable, &[("user", user)]),
        Ok(0) => l.fill(Key::FindingsAnnouncedNone, &[("user", user)]),
        Ok(1) => l.fill(Key::FindingsAnnouncedOne, &[("user", user)]),
        Ok(n) => l.fill(Key::FindingsAnnouncedMany, &[("count", &n.to_string()), ("user", user)]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_how_many_findings_and_nothing_while_waiting() {
        let l = Locale::En;
        assert_eq!(announcement(l, "Priya Raman", None), None);
        assert_eq!(announcement(l, "Emma Laurent", Some(Ok(0))).unwrap(), "Nothing wrong found for Emma Laurent");
        assert_eq!(announcement(l, "Priya Raman", Some(Ok(1))).unwrap(), "1 finding for Priya Raman");
        assert_eq!(announcement(l, "Sanne de Vries", Some(Ok(3))).unwrap(), "3 findings for Sanne de Vries");
        assert_eq!(announcement(l, "Mark", Some(Err(()))).unwrap(), "Not every check could run for Mark");
    }
}
