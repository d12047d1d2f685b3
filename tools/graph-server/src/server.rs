//! The listener and its connections: a thread per connection, requests read in turn (keep-alive), a
//! refusal for anything malformed, and the state every connection shares.

use std::io::{self, BufReader, Read};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::Duration;

use tier1::graph::fixture::{FixtureGraph, FixtureSource};

use crate::answer::Ctx;
use crate::config::Config;
use crate::faults::Faults;
use crate::http::{self, ReadError, Request};
use crate::log::Log;
use crate::router;

/// An idle keep-alive connection (or a client that stops mid-request) is dropped after this.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// After a refusal, how long unread input is drained so closing does not reset the connection (a reset
/// can destroy the refusal before the client reads it).
const LINGER: Duration = Duration::from_secs(2);
const LINGER_MAX_BYTES: u64 = 4 * 1024 * 1024;

pub struct State {
    pub config: Config,
    pub graph: FixtureGraph,
    pub faults: Faults,
    pub log: Log,
    /// `http://127.0.0.1:PORT`: where next links point.
    pub base_url: String,
    next_request: AtomicU64,
}

impl State {
    /// Fresh ids for one round trip; `client-request-id` echoes the client's, as Graph does.
    pub fn ctx(&self, request: &Request) -> Ctx {
        let n = self.next_request.fetch_add(1, Ordering::Relaxed);
        let request_id = format!("00000000-0000-4000-8000-{n:012x}");
        let client_request_id = request.header("client-request-id").unwrap_or(&request_id).to_string();
        Ctx { request_id, client_request_id }
    }
}

/// Binds 127.0.0.1:`config.port` (0: any free port) and serves on a background thread. Returns the port
/// and that thread, which runs until the process ends.
pub fn start(config: Config) -> io::Result<(u16, JoinHandle<()>)> {
    let fixtures = match &config.fixtures {
        Some(dir) => dir.clone(),
        None => repo_fixtures(),
    };
    // The fake Graph loads files lazily and would answer 503 to everything; fail at start instead.
    if !fixtures.join(&config.tenant).join("users.json").is_file() {
        let message = format!("no tenant '{}' in {}", config.tenant, fixtures.display());
        return Err(io::Error::new(io::ErrorKind::NotFound, message));
    }
    let listener = TcpListener::bind(("127.0.0.1", config.port))?;
    let port = listener.local_addr()?.port();
    let graph = FixtureGraph::new(
        &config.tenant,
        FixtureSource::Disk(fixtures),
        tier1::platform::now_secs(),
        Vec::new(),
        Some(config.latency_ms),
    );
    let state = Arc::new(State {
        config,
        graph,
        faults: Faults::default(),
        log: Log::default(),
        base_url: format!("http://127.0.0.1:{port}"),
        next_request: AtomicU64::new(1),
    });
    let handle = thread::Builder::new().name("graph-server".into()).spawn(move || accept_loop(&listener, &state))?;
    Ok((port, handle))
}

fn repo_fixtures() -> PathBuf {
    match FixtureSource::repo() {
        FixtureSource::Disk(dir) => dir,
        // `repo()` is always a directory; keep a path that names the same place regardless.
        _ => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures")),
    }
}

fn accept_loop(listener: &TcpListener, state: &Arc<State>) {
    for stream in listener.incoming() {
        let Ok(stream) = stream else {
            // Out of file descriptors and the like: back off instead of spinning, keep serving.
            thread::sleep(Duration::from_millis(50));
            continue;
        };
        let state = Arc::clone(state);
        let _ = thread::Builder::new().name("graph-connection".into()).spawn(move || serve_connection(&state, stream));
    }
}

fn serve_connection(state: &State, stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(IDLE_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IDLE_TIMEOUT));
    let _ = stream.set_nodelay(true);
    let Ok(read_half) = stream.try_clone() else { return };
    let mut reader = BufReader::new(read_half);
    let mut writer = stream;
    loop {
        match http::read_request(&mut reader, &mut writer) {
            Ok(request) => {
                let keep_alive = request.keep_alive();
                let mut response = router::route(state, &request);
                if request.method == "HEAD" {
                    // A HEAD answer has no body; a stray one would be read as the next response.
                    response.body.clear();
                }
                if http::write_response(&mut writer, &response, keep_alive).is_err() {
                    return;
                }
                if !keep_alive {
                    break;
                }
            }
            Err(ReadError::Closed) => return,
            Err(ReadError::Bad(status, message)) => {
                let _ = http::write_response(&mut writer, &router::refusal(status, &message), false);
                break;
            }
        }
    }
    linger(reader, &writer);
}

/// Half-closes, then reads and discards what the client still sends, so the close is an orderly FIN.
fn linger(reader: BufReader<TcpStream>, writer: &TcpStream) {
    let _ = writer.shutdown(Shutdown::Write);
    let _ = writer.set_read_timeout(Some(LINGER));
    let _ = io::copy(&mut reader.take(LINGER_MAX_BYTES), &mut io::sink());
}
