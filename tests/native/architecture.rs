//! ARCHITECTURE.md held to the tree: the code map names every folder and only paths that
//! exist, the core's modules form no cycle, and the core names no web crate.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn the_code_map_names_every_folder_and_only_paths_that_exist() {
    let map = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let mut folders = BTreeSet::new();
    for file in rust_files(&root().join("src")) {
        let mut dir = file.parent().unwrap().to_path_buf();
        while dir != root().join("src") {
            folders.insert(format!("{}/", relative(&dir)));
            dir = dir.parent().unwrap().to_path_buf();
        }
    }
    for folder in &folders {
        let short = folder
            .trim_start_matches("src/report/")
            .trim_start_matches("src/");
        assert!(
            map.contains(&format!("`{folder}`")) || map.contains(&format!("`{short}`")),
            "ARCHITECTURE.md does not name the folder {folder}"
        );
    }
    // Every module of the core is on the map, by file name.
    for file in rust_files(&root().join("src/report")) {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        if name == "mod.rs" {
            continue;
        }
        assert!(
            map.contains(&format!("`{name}`")) || map.contains(&format!("`{}", relative(&file))),
            "ARCHITECTURE.md does not name {}",
            relative(&file)
        );
    }
    // Every path named in backticks exists (relative to the root, to src/, or to src/report/).
    let mut named = 0;
    for quoted in map.split('`').skip(1).step_by(2) {
        let looks_like_path = quoted.contains('/') || quoted.ends_with(".rs");
        if !looks_like_path || quoted.contains(' ') || quoted.contains("::") {
            continue;
        }
        // What the build writes is not there on a clean clone, where this test runs first.
        // Nor are the shared papers beside the project (`../shared/`) in every checkout.
        if quoted.starts_with("dist/") || quoted.starts_with("target/") || quoted.starts_with("../")
        {
            continue;
        }
        let path = quoted.trim_end_matches('/');
        let found = [
            root().join(path),
            root().join("src").join(path),
            root().join("src/report").join(path),
            root().join("src/report/import").join(path),
            root().join("src/report/ntext").join(path),
            root().join("src/report/area").join(path),
            root().join("src/report/templates").join(path),
            root().join("src/ui").join(path),
            root().join("src/storage").join(path),
            root().join("src/bin").join(path),
        ]
        .iter()
        .any(|p| p.exists());
        assert!(
            found,
            "ARCHITECTURE.md names {quoted}, which does not exist"
        );
        named += 1;
    }
    assert!(named > 40, "paths checked: {named}");
}

/// The modules a core file uses, as paths of files under `src/report/` (without `.rs`).
fn uses(file: &Path, text: &str) -> BTreeSet<String> {
    let rel = relative(file);
    let module = rel
        .trim_start_matches("src/")
        .trim_end_matches(".rs")
        .trim_end_matches("/mod")
        .to_string();
    // `super` is the module above: a file's folder, or a folder's (mod.rs) parent.
    let parent: Vec<&str> = {
        let mut p: Vec<&str> = module.split('/').collect();
        p.pop();
        p
    };
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let trimmed = code.trim_start();
        // A folder declaring or re-exporting its children is structure, not a dependency.
        if trimmed.starts_with("mod ")
            || trimmed.starts_with("pub mod ")
            || (rel.ends_with("mod.rs") && trimmed.starts_with("pub use"))
        {
            continue;
        }
        for (prefix, base) in [
            ("crate::report::", vec!["report"]),
            ("super::", parent.clone()),
        ] {
            let mut rest = code;
            while let Some(at) = rest.find(prefix) {
                let after = &rest[at + prefix.len()..];
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                rest = &after[name.len()..];
                if name.is_empty() || name.starts_with(char::is_uppercase) {
                    continue;
                }
                let mut target = base.clone();
                target.push(&name);
                // `templates::common` or `import::page`: a file inside a folder.
                let deeper: String = rest
                    .strip_prefix("::")
                    .map(|r| {
                        r.chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                            .collect()
                    })
                    .unwrap_or_default();
                let as_path = target.join("/");
                let folder = root().join("src").join(&as_path);
                let path = if folder.is_dir()
                    && !deeper.is_empty()
                    && folder.join(format!("{deeper}.rs")).exists()
                {
                    format!("{as_path}/{deeper}")
                } else {
                    as_path
                };
                if path != module {
                    out.insert(path);
                }
            }
        }
    }
    out
}

#[test]
fn the_core_has_no_cycles() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&root().join("src/report")) {
        let text = std::fs::read_to_string(&file).unwrap();
        let rel = relative(&file);
        let module = rel
            .trim_start_matches("src/")
            .trim_end_matches(".rs")
            .trim_end_matches("/mod")
            .to_string();
        graph.insert(module, uses(&file, &text));
    }
    assert!(graph.len() > 25, "{} modules", graph.len());
    assert!(
        graph["report/rules"].contains("report/ntext"),
        "the graph is read: {:?}",
        graph["report/rules"]
    );
    // Depth-first search for a back edge; the cycle is printed whole.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if graph.contains_key(next) {
                if let Some(c) = visit(next, graph, path, done) {
                    return Some(c);
                }
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("a cycle in the core: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_core_names_no_web_crate() {
    let mut files = rust_files(&root().join("src/report"));
    files.push(root().join("src/storage/entry.rs"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for web in ["leptos", "web_sys", "js_sys", "wasm_bindgen", "gloo"] {
            assert!(
                !text.contains(&format!("{web}::")) && !text.contains(&format!("use {web}")),
                "{} names {web}",
                relative(&file)
            );
        }
    }
}

#[test]
fn markup_reaches_the_dom_only_through_the_trusted_types_policy() {
    let sinks = [
        "inner_html",
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "srcdoc",
        "Worker::new",
        "set_src",
    ];
    for file in rust_files(&root().join("src/ui")) {
        if file.ends_with("trusted.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for sink in sinks {
            assert!(
                !code.contains(sink),
                "{} uses {sink}: markup and script URLs go through ui/trusted.rs",
                relative(&file)
            );
        }
    }
}
