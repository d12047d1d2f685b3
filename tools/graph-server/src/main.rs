//! `tier1-graph-server [options]`: serves until killed. The first stdout line names the address, so a
//! script starting it with `--port 0` can read where it listens.

use std::io::Write;
use std::process::ExitCode;

use tier1_graph_server::{parse_args, start, Command, USAGE};

fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Serve(config)) => config,
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("tier1-graph-server: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let (port, handle) = match start(config) {
        Ok(started) => started,
        Err(error) => {
            eprintln!("tier1-graph-server: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("listening on http://127.0.0.1:{port}");
    // Piped stdout is block-buffered; whoever waits for this line must get it now.
    let _ = std::io::stdout().flush();
    match handle.join() {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}
