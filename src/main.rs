//! The wasm entry point: panics to the console, then the app mounted on <body>.

use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(tier1::App);
}
