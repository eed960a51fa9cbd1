"""The pages of the labelled extraction corpus (bench/corpus/labels), copied
into corpus/sites/SITE/ from their GitHub repositories at the labelled commit.

The pages are not committed to this repository: they are other people's
websites, kept only as benchmark inputs. Each label names the repository,
the commit, the site's root inside it and its files, so anyone can rebuild
the same bytes:

    python bench/corpus.py fetch                  # git clone from GitHub
    python bench/corpus.py fetch --mirrors DIR    # from local bare copies (DIR/owner+name/repo, bare or with .git)
    python bench/corpus.py list                   # sites, languages, countries, split

Beside the labelled pages, the repository's ``sitemap.xml`` at the site's
root is copied when it has one: the real host serves it, and both spiders
read ``/sitemap.xml`` to find pages no link reaches (a contact page the menu
only opens as a pop-up). robots.txt is not: in these repositories it is as
often the policy of a GitHub Pages test copy ("Disallow: /") as the site's.

A site whose folder exists is left alone (``--force`` copies it again)."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extraction import CORPUS, LABELS, heldout  # noqa: E402

SITEMAP = "sitemap.xml"


def labels() -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted(LABELS.glob("*.json"))]


def _git_dir(repo: str, mirrors: Path | None, scratch: Path) -> Path:
    if mirrors is not None:
        local = mirrors / repo.replace("/", "+") / "repo"
        for candidate in (local, local / ".git"):  # bare, or a work tree's .git
            if (candidate / "HEAD").is_file():
                return candidate
        raise LookupError(f"{repo}: no bare copy at {local}")
    target = scratch / repo.replace("/", "+")
    if not target.exists():
        subprocess.run(["git", "clone", "--quiet", "--bare", "--filter=blob:none",
                        f"https://github.com/{repo}.git", str(target)], check=True)
    return target


def fetch(args) -> int:
    mirrors = Path(args.mirrors) if args.mirrors else None
    copied, missing = 0, []
    with tempfile.TemporaryDirectory(prefix="scrapejet-corpus-") as scratch:
        for label in labels():
            folder = CORPUS / label["site"]
            if folder.exists() and not args.force:
                continue
            source = label["source"]
            try:
                git_dir = _git_dir(source["repo"], mirrors, Path(scratch))
            except LookupError as error:  # one absent copy should not stop the others
                missing.append(str(error))
                continue
            root = source.get("root", "").strip("/")
            if folder.exists():
                shutil.rmtree(folder)
            for name in [*label["files"], SITEMAP]:
                path = f"{root}/{name}" if root else name
                shown = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{source['commit']}:{path}"],
                                       capture_output=True)
                if shown.returncode != 0:
                    if name in label["files"]:  # a labelled page must exist; the sitemap may not
                        raise subprocess.CalledProcessError(shown.returncode, shown.args, stderr=shown.stderr)
                    continue
                out = folder / name
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(shown.stdout)
            copied += 1
            print(f"{label['site']}: {len(label['files'])} files from {source['repo']}@{source['commit'][:10]}")
    print(f"{copied} sites copied into {CORPUS}")
    for line in missing:
        print(f"not copied: {line}", file=sys.stderr)
    return 1 if missing else 0


def listing(args) -> int:
    rows = labels()
    for label in rows:
        print(f"{label['site']:34} {label['language']:3} {label['country']:3} "
              f"{'held-out' if heldout(label['site']) else 'tune':9} {len(label['files']):3} files  "
              f"{label['source']['repo']}")
    print(f"{len(rows)} sites, {len({r['language'] for r in rows})} languages, {len({r['country'] for r in rows})} countries, "
          f"{sum(heldout(r['site']) for r in rows)} held out")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fetch", help="copy the labelled pages into corpus/sites/")
    f.add_argument("--mirrors", help="a folder of bare git copies (owner+name/repo) instead of GitHub")
    f.add_argument("--force", action="store_true", help="copy sites already there again")
    f.set_defaults(func=fetch)
    sub.add_parser("list", help="the labelled sites").set_defaults(func=listing)
    args = parser.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
