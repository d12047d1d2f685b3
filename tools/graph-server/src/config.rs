//! Server settings and the command line that sets them.

use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub tenant: String,
    /// 0: any free port (the chosen one is reported by `start`).
    pub port: u16,
    /// `None`: the repository's `fixtures/`.
    pub fixtures: Option<PathBuf>,
    /// Graph requests without `Authorization: Bearer <token>` get 401.
    pub require_token: bool,
    /// `$top` added to Graph GETs that have none, so paging shows up with few items. `None`: the fake
    /// Graph's own default page size.
    pub page_size: Option<usize>,
    /// Fixed latency of every Graph answer, as the fake Graph reports it (0: none).
    pub latency_ms: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            tenant: "aurora".into(),
            port: 0,
            fixtures: None,
            require_token: false,
            page_size: None,
            latency_ms: 0,
        }
    }
}

pub const USAGE: &str = "\
tier1-graph-server: a test-only HTTP server speaking Tier1's Microsoft Graph contract from the demo fixtures

Usage: tier1-graph-server [options]

  --tenant ID         demo tenant to serve (default: aurora)
  --port N            port on 127.0.0.1; 0 picks a free one (default: 0)
  --fixtures DIR      fixture directory holding <tenant>/*.json (default: the repository's fixtures/)
  --require-token     answer 401 to Graph requests without 'Authorization: Bearer <token>'
  --page-size N       add $top=N to Graph GETs without $top (default: the fake Graph's page size, 25)
  --latency-ms N      delay every Graph answer by N ms (default: 0)
  -h, --help          this text

The first line on stdout is 'listening on http://127.0.0.1:PORT'.";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Serve(Config),
    Help,
}

pub fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut config = Config::default();
    let mut args = args.into_iter();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--tenant" => config.tenant = value()?,
            "--port" => config.port = number(&flag, &value()?)?,
            "--fixtures" => config.fixtures = Some(PathBuf::from(value()?)),
            "--require-token" => config.require_token = true,
            "--page-size" => {
                config.page_size = Some(number::<usize>(&flag, &value()?)?).filter(|n| *n > 0);
                if config.page_size.is_none() {
                    return Err("--page-size must be at least 1".into());
                }
            }
            "--latency-ms" => config.latency_ms = number(&flag, &value()?)?,
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    if config.tenant.is_empty() || config.tenant.contains(['/', '\\']) || config.tenant.starts_with('.') {
        return Err(format!("'{}' is not a tenant id", config.tenant));
    }
    Ok(Command::Serve(config))
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.parse().map_err(|_| format!("{flag}: '{text}' is not a valid number"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Result<Command, String> {
        parse_args(text.split_whitespace().map(String::from))
    }

    #[test]
    fn reads_every_flag() {
        let Command::Serve(config) =
            args("--tenant northwind-lab --port 8080 --fixtures /f --require-token --page-size 5 --latency-ms 20")
                .unwrap()
        else {
            panic!("not serve")
        };
        assert_eq!(
            config,
            Config {
                tenant: "northwind-lab".into(),
                port: 8080,
                fixtures: Some("/f".into()),
                require_token: true,
                page_size: Some(5),
                latency_ms: 20,
            }
        );
        assert_eq!(args("").unwrap(), Command::Serve(Config::default()));
        assert_eq!(args("--help").unwrap(), Command::Help);
    }

    #[test]
    fn refuses_bad_values() {
        for bad in ["--port", "--port 70000", "--page-size 0", "--tenant ../etc", "--bogus", "--latency-ms x"] {
            assert!(args(bad).is_err(), "{bad}");
        }
    }
}
