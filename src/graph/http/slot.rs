//! A queued request and the one-shot slot its caller awaits: the batch flush fills the slot, the caller's
//! future wakes. Hand-written rather than a channel crate, for wasm size.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

use crate::graph::error::ApiError;
use crate::graph::response::Response;

type Outcome = Result<Response, ApiError>;

#[derive(Default)]
struct State {
    outcome: Option<Outcome>,
    waker: Option<Waker>,
}

#[derive(Clone)]
pub struct Queued {
    pub version: &'static str,
    /// Relative to the version: `users/u1?$select=id`.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub token: Option<String>,
    state: Arc<Mutex<State>>,
}

pub struct Receiver {
    state: Arc<Mutex<State>>,
}

impl Queued {
    pub fn new(
        version: &'static str,
        url: &str,
        headers: &[(String, String)],
        token: Option<String>,
    ) -> (Self, Receiver) {
        let state = Arc::new(Mutex::new(State::default()));
        let queued = Queued { version, url: url.to_string(), headers: headers.to_vec(), token, state: state.clone() };
        (queued, Receiver { state })
    }

    pub fn complete(&self, outcome: Outcome) {
        let waker = {
            let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
            state.outcome = Some(outcome);
            state.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl Future for Receiver {
    type Output = Outcome;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Outcome> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        match state.outcome.take() {
            Some(outcome) => Poll::Ready(outcome),
            None => {
                state.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
