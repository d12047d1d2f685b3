//! ISO 8601 timestamps without a date library: Graph sends `2026-11-20T09:00:00Z` (sometimes with fractions
//! or an offset); we need epoch seconds to sort, to compute ages and to rebase demo data to today.

/// Seconds since the Unix epoch, or `None` for anything that is not a timestamp.
pub fn parse_iso(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() < 19 || bytes[4] != b'-' || bytes[7] != b'-' || !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i64> { text.get(range)?.parse().ok() };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        rest = &fraction[digits..];
    }
    let offset_secs = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let hh: i64 = rest.get(1..3)?.parse().ok()?;
            let mm: i64 = rest.get(4..6)?.parse().ok()?;
            sign * (hh * 3600 + mm * 60)
        }
    };
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset_secs)
}

/// `2026-11-20T09:00:00Z`.
pub fn format_iso(epoch_secs: i64) -> String {
    let (date, (h, m, s)) = split(epoch_secs);
    format!("{}T{h:02}:{m:02}:{s:02}Z", format_date(date))
}

/// `2026-11-20 09:00`, after applying a UTC offset in minutes (the browser's local zone).
pub fn format_local(epoch_secs: i64, offset_minutes: i64) -> String {
    let (date, (h, m, _)) = split(epoch_secs + offset_minutes * 60);
    format!("{} {h:02}:{m:02}", format_date(date))
}

fn split(epoch_secs: i64) -> ((i64, i64, i64), (i64, i64, i64)) {
    let days = epoch_secs.div_euclid(86_400);
    let secs = epoch_secs.rem_euclid(86_400);
    (civil_from_days(days), (secs / 3600, secs % 3600 / 60, secs % 60))
}

fn format_date((y, m, d): (i64, i64, i64)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whole days between two instants, rounded down (a device synced 23 hours ago synced 0 days ago).
pub fn whole_days_between(earlier: i64, later: i64) -> i64 {
    (later - earlier).div_euclid(86_400)
}

// Howard Hinnant's civil calendar algorithms (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_graph_timestamps() {
        assert_eq!(parse_iso("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_iso("2026-11-20T09:00:00Z"), Some(1_795_165_200));
        assert_eq!(parse_iso("2016-12-31T23:59:23.3984029-08:00"), parse_iso("2017-01-01T07:59:23Z"));
        assert_eq!(parse_iso("2024-02-29T12:00:00+02:00"), parse_iso("2024-02-29T10:00:00Z"));
    }

    #[test]
    fn rejects_non_timestamps() {
        for bad in ["", "yesterday", "2026-13-01T00:00:00Z", "2026-11-20", "2026-11-20T09:00:00Q"] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats_round_trip_across_leap_years() {
        for text in ["2024-02-29T23:59:59Z", "2000-03-01T00:00:00Z", "1999-12-31T12:30:00Z", "2026-11-20T09:00:00Z"] {
            assert_eq!(format_iso(parse_iso(text).unwrap()), text);
        }
    }

    #[test]
    fn local_format_applies_offset() {
        let t = parse_iso("2026-11-20T23:30:00Z").unwrap();
        assert_eq!(format_local(t, 60), "2026-11-21 00:30");
        assert_eq!(format_local(t, -300), "2026-11-20 18:30");
    }

    #[test]
    fn whole_days_round_down() {
        let now = parse_iso("2026-11-20T09:00:00Z").unwrap();
        assert_eq!(whole_days_between(now - 45 * 86_400, now), 45);
        assert_eq!(whole_days_between(now - 23 * 3600, now), 0);
    }
}
