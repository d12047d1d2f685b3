//! What every table in the panes is built with: the clock its times are shown against and its accessible name.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::platform;
use crate::state::use_locale;
use crate::tables::Clock;

pub fn clock_now() -> Clock {
    let now_secs = platform::now_secs();
    Clock { now_secs, offset_minutes: platform::local_offset_minutes(now_secs) }
}

/// The accessible name of a view's table: its title, in the current language.
pub fn view_label(key: Key) -> Signal<String> {
    let locale = use_locale();
    Signal::derive(move || locale.get().text(key).to_string())
}
