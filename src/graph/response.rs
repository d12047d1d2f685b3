//! A Graph answer as any transport returns it: status, body and the headers Tier1 reads.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: String,
    pub retry_after_secs: Option<u32>,
    pub request_id: Option<String>,
}

impl Response {
    pub fn ok(body: String) -> Self {
        Self { status: 200, body, retry_after_secs: None, request_id: None }
    }
}
