//! Generates the `Key` enum and the en/nl/fr matches of `src/i18n` from the tables in `src/i18n/areas/*.txt`
//! (format and checks: `src/i18n/README.md`). A build script, not a macro, because it can gather several files
//! into one enum and name the file and key of every problem.

#[path = "src/i18n/codegen.rs"]
mod codegen;

use std::path::Path;

const AREAS: &str = "src/i18n/areas";

fn main() {
    println!("cargo:rerun-if-changed={AREAS}");
    println!("cargo:rerun-if-changed=src/i18n/codegen.rs");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut files: Vec<_> = std::fs::read_dir(Path::new(&root).join(AREAS))
        .unwrap_or_else(|e| panic!("cannot list {AREAS}: {e}"))
        .map(|entry| entry.unwrap_or_else(|e| panic!("cannot list {AREAS}: {e}")).path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    // Keys appear in the enum file by file, in file-name order, so the output does not depend on the directory.
    files.sort();
    let tables: Vec<(String, String)> = files
        .iter()
        .map(|path| {
            let name = format!("{AREAS}/{}", path.file_name().unwrap_or_default().to_string_lossy());
            let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {name}: {e}"));
            (name, source)
        })
        .collect();
    match codegen::generate(&tables) {
        Ok(code) => {
            let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("i18n_strings.rs");
            std::fs::write(&out, code).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
        }
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {error}");
            }
            eprintln!("{} problem(s) in the string tables of {AREAS}; see src/i18n/README.md", errors.len());
            std::process::exit(1);
        }
    }
}
