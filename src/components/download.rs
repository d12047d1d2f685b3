//! Saving text the app made (the action log's CSV) as a file: a Blob, an object URL, a click on a temporary
//! link with `download`, and the URL revoked once the browser has taken the file.

use wasm_bindgen::{JsCast, JsValue};

/// Starts the download; false where the browser refused (nothing else to do then).
pub fn download_text(file_name: &str, mime: &str, text: &str) -> bool {
    try_download(file_name, mime, text).is_ok()
}

fn try_download(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let document = window.document().ok_or(JsValue::NULL)?;
    // `new Blob([text], {type})`, built by reflection: the typed constructor needs a web-sys feature
    // (BlobPropertyBag) the app does not otherwise use.
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &mime.into())?;
    let constructor: js_sys::Function = js_sys::Reflect::get(&window, &"Blob".into())?.dyn_into()?;
    let parts = js_sys::Array::of1(&text.into());
    let blob: web_sys::Blob =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&parts, &options))?.dyn_into()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    document.body().ok_or(JsValue::NULL)?.append_child(&link)?;
    link.click();
    link.remove();
    leptos::prelude::set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(10),
    );
    Ok(())
}
