//! The confirmation of a destructive action (retire, wipe, Fresh Start): what will be lost, the options that
//! keep something (Windows only; other platforms ignore them), and the device name typed before the confirm
//! button enables. Escape or Cancel closes it without sending.

use leptos::prelude::*;

use super::handle::DeviceHandle;
use crate::components::Modal;
use crate::domain::device_actions::{
    confirmation_matches, losses, ActionOption, ActionOptions, DeviceAction, Loss, Platform,
};
use crate::i18n::Key;
use crate::state::{tr, use_locale};
use crate::tables::permission_names::device_action_key;
use crate::test_ids;

fn loss_key(loss: Loss) -> Key {
    match loss {
        Loss::CompanyAppsAndData => Key::LossCompanyData,
        Loss::AppsAndSettings => Key::LossAppsAndSettings,
        Loss::UserFilesAndAccounts => Key::LossUserFiles,
        Loss::IntuneManagement => Key::LossManagement,
    }
}

fn confirm_key(action: DeviceAction) -> Key {
    match action {
        DeviceAction::Retire => Key::ConfirmRetire,
        DeviceAction::FreshStart => Key::ConfirmFreshStart,
        _ => Key::ConfirmWipe,
    }
}

#[component]
pub fn ConfirmDialog(
    handle: DeviceHandle,
    action: DeviceAction,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let target = handle.target.get_untracked().unwrap_or_default();
    let name = StoredValue::new(target.device_name.clone());
    let offered: &[ActionOption] = if target.platform == Platform::Windows { action.options() } else { &[] };
    let keep_enrollment = RwSignal::new(false);
    let keep_user_data = RwSignal::new(false);
    let options =
        move || ActionOptions { keep_enrollment_data: keep_enrollment.get(), keep_user_data: keep_user_data.get() };
    let typed = RwSignal::new(String::new());
    let matches = move || name.with_value(|n| confirmation_matches(&typed.get(), n));
    let sent = RwSignal::new(false);
    let close = on_close;
    let confirm = move |_| {
        // Once only: the button stays disabled from the first click until the dialog is gone.
        if !matches() || sent.get_untracked() {
            return;
        }
        sent.set(true);
        handle.send(action, options());
        close.run(());
    };
    let title = Signal::derive(move || {
        let l = locale.get();
        name.with_value(|n| l.fill(Key::ConfirmTitle, &[("action", l.text(device_action_key(action))), ("device", n)]))
    });

    view! {
        <Modal
            title
            heading_id="t1-confirm-title"
            on_close=close
            test_id=test_ids::CONFIRM_DIALOG
            class="t1-modal--narrow"
            own_cancel=true
        >
            <h3 class="t1-modal__section">{tr(Key::ConfirmLosses)}</h3>
            <ul class="t1-confirm__losses" data-testid=test_ids::CONFIRM_LOSSES>
                {move || {
                    let l = locale.get();
                    losses(action, options())
                        .into_iter()
                        .map(|loss| view! { <li>{l.text(loss_key(loss))}</li> })
                        .collect_view()
                }}
            </ul>
            {(!offered.is_empty())
                .then(|| {
                    view! {
                        <fieldset class="t1-confirm__keep">
                            <legend>{tr(Key::ConfirmKeep)}</legend>
                            {offered
                                .iter()
                                .map(|option| {
                                    let (signal, label) = match option {
                                        ActionOption::KeepEnrollmentData => (keep_enrollment, Key::OptionKeepEnrollment),
                                        ActionOption::KeepUserData => (keep_user_data, Key::OptionKeepUserData),
                                    };
                                    view! {
                                        <label class="t1-check">
                                            <input
                                                type="checkbox"
                                                prop:checked=move || signal.get()
                                                on:change:target=move |ev| signal.set(ev.target().checked())
                                            />
                                            {tr(label)}
                                        </label>
                                    }
                                })
                                .collect_view()}
                        </fieldset>
                    }
                })}
            <p class="t1-callout t1-callout--bad">{tr(Key::ConfirmIrreversible)}</p>
            <label class="t1-field">
                <span class="t1-field__label">
                    {move || name.with_value(|n| locale.get().fill(Key::ConfirmTypeName, &[("device", n)]))}
                </span>
                <input
                    class="t1-input"
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    autofocus=true
                    aria-describedby="t1-confirm-hint"
                    data-testid=test_ids::CONFIRM_NAME
                    prop:value=move || typed.get()
                    on:input:target=move |ev| typed.set(ev.target().value())
                />
            </label>
            <p id="t1-confirm-hint" class="t1-muted" role="status">
                {move || locale.get().text(if matches() { Key::ConfirmNameMatches } else { Key::ConfirmNameMismatch })}
            </p>
            <div class="t1-modal__actions">
                <button type="button" class="t1-button t1-button--quiet" on:click=move |_| close.run(())>
                    {tr(Key::Cancel)}
                </button>
                <button
                    type="button"
                    class="t1-button t1-button--danger"
                    disabled=move || !matches() || sent.get()
                    data-testid=test_ids::CONFIRM_BUTTON
                    on:click=confirm
                >
                    {tr(confirm_key(action))}
                </button>
            </div>
        </Modal>
    }
}
