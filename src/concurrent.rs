//! Running independent requests at the same time. Two small combinators instead of the `futures` crate's:
//! measured, those cost ~6 KB of brotli-compressed wasm for what fits on a screen here.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;

/// Awaits every future concurrently; the first error wins and the rest are dropped (cancelled).
pub async fn try_join_all<T, E, F>(futures: impl IntoIterator<Item = F>) -> Result<Vec<T>, E>
where
    F: Future<Output = Result<T, E>>,
{
    let mut pending: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut done: Vec<Option<T>> = pending.iter().map(|_| None).collect();
    poll_fn(move |cx| {
        let mut waiting = false;
        for (future, slot) in pending.iter_mut().zip(done.iter_mut()) {
            if slot.is_some() {
                continue; // never poll a finished future again
            }
            match future.as_mut().poll(cx) {
                Poll::Ready(Ok(value)) => *slot = Some(value),
                Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
                Poll::Pending => waiting = true,
            }
        }
        if waiting {
            Poll::Pending
        } else {
            Poll::Ready(Ok(done.iter_mut().filter_map(Option::take).collect()))
        }
    })
    .await
}

/// Two futures of different types, concurrently; the first error wins.
pub async fn try_join<A, B, E>(
    a: impl Future<Output = Result<A, E>>,
    b: impl Future<Output = Result<B, E>>,
) -> Result<(A, B), E> {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut ra, mut rb) = (None, None);
    poll_fn(move |cx| {
        if ra.is_none() {
            match a.as_mut().poll(cx) {
                Poll::Ready(Ok(v)) => ra = Some(v),
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => {}
            }
        }
        if rb.is_none() {
            match b.as_mut().poll(cx) {
                Poll::Ready(Ok(v)) => rb = Some(v),
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => {}
            }
        }
        match (ra.take(), rb.take()) {
            (Some(x), Some(y)) => Poll::Ready(Ok((x, y))),
            (x, y) => {
                (ra, rb) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

/// Awaits every future concurrently, for futures that cannot fail.
pub async fn join_all<F: Future<Output = ()>>(futures: impl IntoIterator<Item = F>) {
    let all: Result<Vec<()>, std::convert::Infallible> = try_join_all(futures.into_iter().map(|f| async {
        f.await;
        Ok(())
    }))
    .await;
    let _ = all;
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;

    /// A future that is pending `n` times before yielding `value`, to interleave polls.
    async fn after<T>(n: usize, value: T) -> T {
        let mut left = n;
        poll_fn(|cx| {
            if left == 0 {
                Poll::Ready(())
            } else {
                left -= 1;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        })
        .await;
        value
    }

    #[test]
    fn keeps_input_order_whatever_finishes_first() {
        let futures = [3, 0, 2].map(|n| async move { Ok::<_, ()>(after(n, n).await) });
        assert_eq!(block_on(try_join_all(futures)), Ok(vec![3, 0, 2]));
        assert_eq!(block_on(try_join_all(Vec::<std::future::Ready<Result<u8, ()>>>::new())), Ok(vec![]));
    }

    #[test]
    fn first_error_wins() {
        let futures = [(5, Ok(1)), (1, Err("boom")), (0, Ok(2))].map(|(n, r)| after(n, r));
        assert_eq!(block_on(try_join_all(futures)), Err("boom"));
        assert_eq!(block_on(try_join(after(2, Ok::<_, &str>(1)), after(0, Ok("x")))), Ok((1, "x")));
        assert_eq!(block_on(try_join(after(2, Ok::<u8, _>(1)), after(1, Err::<u8, _>("late")))), Err("late"));
    }
}
