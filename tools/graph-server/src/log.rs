//! The requests served so far, for tests that count round trips and bytes (`GET /_control/log`).

use std::sync::Mutex;

use crate::json::Json;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub method: String,
    /// Path and query as requested; for a request inside a `$batch`, its resolved `/v1.0/…` URL.
    pub path: String,
    pub status: u16,
    /// Response body bytes (headers not counted).
    pub bytes: usize,
    /// Served inside a `$batch` rather than as its own round trip.
    pub via_batch: bool,
    /// For a `$batch` envelope: how many requests it carried.
    pub batch_count: Option<usize>,
    pub fault: Option<&'static str>,
    /// When the exchange arrived and when its answer was ready, in ms since the Unix epoch (a batched
    /// request carries its envelope's). Tests use them to count sequential round trips, not to time.
    pub started_ms: u64,
    pub finished_ms: u64,
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

impl Entry {
    fn to_json(&self) -> Json {
        let mut pairs = vec![
            ("method", Json::str(&self.method)),
            ("path", Json::str(&self.path)),
            ("status", Json::num(self.status)),
            ("bytes", Json::num(self.bytes)),
            ("viaBatch", Json::Bool(self.via_batch)),
            ("startMs", Json::num(self.started_ms)),
            ("endMs", Json::num(self.finished_ms)),
        ];
        if let Some(n) = self.batch_count {
            pairs.push(("batchCount", Json::num(n)));
        }
        if let Some(fault) = self.fault {
            pairs.push(("fault", Json::str(fault)));
        }
        Json::object(pairs)
    }
}

#[derive(Default)]
pub struct Log(Mutex<Vec<Entry>>);

impl Log {
    pub fn push(&self, entries: impl IntoIterator<Item = Entry>) {
        self.lock().extend(entries);
    }

    pub fn clear(&self) {
        self.lock().clear();
    }

    /// `{"roundTrips","bytes","requests":[…]}`: totals over the entries that were their own HTTP exchange
    /// (batched requests are inside their envelope's bytes), then every entry in order.
    pub fn to_json(&self) -> Json {
        let entries = self.lock();
        let own = entries.iter().filter(|e| !e.via_batch);
        let (round_trips, bytes) = own.fold((0, 0), |(n, b), e| (n + 1, b + e.bytes));
        Json::object([
            ("roundTrips", Json::num(round_trips)),
            ("bytes", Json::num(bytes)),
            ("requests", Json::Array(entries.iter().map(Entry::to_json).collect())),
        ])
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Entry>> {
        // Entries are pushed whole; a panic elsewhere cannot leave the list half-written.
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
