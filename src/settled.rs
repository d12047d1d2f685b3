//! Awaiting one resource from inside another.
//!
//! A plain `resource.await` inside a `LocalResource` subscribes at once, so the value's first arrival
//! marks the outer resource dirty and it runs a second time as soon as it finishes: every request it made
//! is made twice. [`settled`] waits without subscribing and subscribes only once the value is there, so
//! the outer resource runs again only when the inner one really changes later (a retry, another user).

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;

pub async fn settled<T: Clone + Send + Sync + 'static>(resource: LocalResource<T>) -> T {
    let value = ScopedFuture::new_untracked(std::future::IntoFuture::into_future(resource)).await;
    resource.track();
    value
}
