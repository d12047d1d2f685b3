//! The binary: the first stdout line names the address it serves, and bad command lines fail clearly.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::Server;

const BIN: &str = env!("CARGO_BIN_EXE_tier1-graph-server");

#[test]
fn the_first_line_names_a_working_address() {
    let mut child = Command::new(BIN)
        .args(["--port", "0", "--tenant", "northwind-lab", "--page-size", "2"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let port: Option<u16> = line.trim().strip_prefix("listening on http://127.0.0.1:").and_then(|p| p.parse().ok());
    let reply = port.map(|port| Server { port }.get("/v1.0/organization", &[]));
    // Stop the child before asserting, so a failure never leaves it running.
    let _ = child.kill();
    let _ = child.wait();
    let reply = reply.unwrap_or_else(|| panic!("first line: {line:?}"));
    assert_eq!(reply.status, 200);
    assert!(reply.text().contains("Northwind"), "{}", reply.text());
}

#[test]
fn help_and_bad_arguments() {
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--require-token"));
    for bad in [&["--bogus"][..], &["--port", "x"], &["--tenant", "no-such-tenant"], &["--fixtures", "/nonexistent"]] {
        let out = Command::new(BIN).args(bad).output().unwrap();
        assert!(!out.status.success(), "{bad:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("tier1-graph-server: "), "{bad:?}");
    }
}
