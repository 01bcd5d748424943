//! Which build this is, for a clerk reporting a problem and an office keeping copies for
//! years: the version from `Cargo.toml` (the one source), the day the release was built, and
//! this version's entry of `CHANGELOG.md`. Draft files, the exported page, the Word file, the
//! app and `nianbao-cli --version` all say it.

/// This build's version, `X.Y.Z`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// How files name what wrote them: `nianbao X.Y.Z`.
pub fn generator() -> String {
    format!("nianbao {VERSION}")
}

/// The day the release was built (`YYYY-MM-DD`, set by `scripts/trunk-build.sh`); `None` for a
/// development build.
pub fn build_date() -> Option<&'static str> {
    option_env!("NIANBAO_BUILD_DATE").filter(|d| !d.trim().is_empty())
}

/// The whole changelog, as shipped.
const CHANGELOG: &str = include_str!("../../CHANGELOG.md");

/// This version's entry of the changelog (what changed, for clerks), without its heading.
pub fn changes() -> Option<&'static str> {
    let heading = format!("## [{VERSION}]");
    let at = CHANGELOG.find(&heading)?;
    let body = &CHANGELOG[at..];
    let body = &body[body.find('\n')? + 1..];
    let end = body.find("\n## ").unwrap_or(body.len());
    Some(body[..end].trim())
}

/// A version `X.Y.Z` as numbers (anything after the third number is ignored).
fn parts(version: &str) -> Option<(u64, u64, u64)> {
    let mut n = version
        .trim()
        .trim_start_matches("nianbao ")
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse::<u64>().ok());
    Some((n.next()??, n.next()??, n.next().flatten().unwrap_or(0)))
}

/// Whether files written by `other` (`nianbao X.Y.Z`) may hold what this build does not know:
/// a newer major or minor version (a patch release never changes the draft format).
pub fn is_newer_minor(other: &str) -> bool {
    match (parts(other), parts(VERSION)) {
        (Some((a, b, _)), Some((x, y, _))) => (a, b) > (x, y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_changelog_has_this_versions_entry() {
        let changes = changes().expect("CHANGELOG.md has an entry for the version in Cargo.toml");
        assert!(!changes.is_empty());
    }

    #[test]
    fn only_a_newer_minor_or_major_counts_as_newer() {
        let (x, y, z) = parts(VERSION).unwrap();
        assert!(is_newer_minor(&format!("nianbao {x}.{}.0", y + 1)));
        assert!(is_newer_minor(&format!("{}.0.0", x + 1)));
        assert!(!is_newer_minor(&format!("nianbao {x}.{y}.{}", z + 1)));
        assert!(!is_newer_minor(VERSION));
        assert!(!is_newer_minor("garbage"));
    }
}
