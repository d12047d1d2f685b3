//! The session's device actions as app-wide context: sending goes through the Graph client (demo mode's fake
//! Graph answers too), the book keeps every entry for the action log, and a clock ticks while any action is
//! still waiting so pending states turn into results on screen. How the device's part is carried out is the
//! backend's to say ([`ActionDelivery`]).

use std::time::Duration;

use leptos::prelude::*;

use super::action_book::{ActionBook, Operator, Overlay};
use crate::backend::ActionDelivery;
use crate::domain::device_actions::{ActionOptions, ActionTarget, DeviceAction};
use crate::graph::GraphClient;
use crate::platform;

/// How often the screen re-reads the clock while an action is open.
const TICK: Duration = Duration::from_millis(500);

#[derive(Clone, Copy)]
pub struct DeviceActions {
    book: RwSignal<ActionBook>,
    now: RwSignal<i64>,
    ticker: StoredValue<Option<IntervalHandle>>,
    /// Whether the device's part is simulated or left to Intune.
    delivery: ActionDelivery,
}

impl DeviceActions {
    pub fn new(delivery: ActionDelivery) -> Self {
        Self {
            book: RwSignal::new(ActionBook::default()),
            now: RwSignal::new(platform::now_secs()),
            ticker: StoredValue::new(None),
            delivery,
        }
    }

    /// The book, tracked.
    pub fn book(&self) -> RwSignal<ActionBook> {
        self.book
    }

    /// The session clock (seconds), tracked: it advances while an action is open.
    pub fn now(&self) -> i64 {
        self.now.get()
    }

    /// What the session's results change on the devices, as of the session clock.
    pub fn overlay(&self) -> Memo<Overlay> {
        let (book, now) = (self.book, self.now);
        Memo::new(move |_| book.with(|b| b.overlay(now.get())))
    }

    /// Sends `action` unless the same action is already open on the device (then nothing happens: a double
    /// click sends once). The request is not retried unless the action is idempotent (the client decides).
    pub fn send(
        &self,
        client: GraphClient,
        operator: Operator,
        action: DeviceAction,
        options: ActionOptions,
        target: ActionTarget,
    ) {
        let started = platform::now_secs();
        let device_id = target.device_id.clone();
        let Some(id) = self.book.try_update(|b| b.begin(operator, action, options, target, started)).flatten() else {
            return;
        };
        self.now.set(started);
        let (book, delivery, this) = (self.book, self.delivery, *self);
        leptos::task::spawn_local(async move {
            let answer = client.device_action(action, &device_id, options).await;
            book.update(|b| b.settle(id, answer, delivery, platform::now_secs()));
            this.tick_while_open();
        });
    }

    /// Starts the clock if it is not running; it stops itself once nothing is open.
    fn tick_while_open(&self) {
        if self.ticker.with_value(Option::is_some) {
            return;
        }
        let (book, now, ticker) = (self.book, self.now, self.ticker);
        let handle = set_interval_with_handle(
            move || {
                let secs = platform::now_secs();
                now.set(secs);
                if !book.with_untracked(|b| b.any_open(secs)) {
                    if let Some(handle) = ticker.try_update_value(Option::take).flatten() {
                        handle.clear();
                    }
                }
            },
            TICK,
        );
        self.ticker.set_value(handle.ok());
    }
}

pub fn use_device_actions() -> DeviceActions {
    expect_context::<DeviceActions>()
}
