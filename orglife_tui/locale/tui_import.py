"""Messages of importing from the TUI (the import screens) and of an import's dry run:
(English, Chinese). Chinese uses full-width punctuation.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the dry run (CLI and TUI)
    "import.preview.serial": ("No.", "序号"),
    "import.dry_run.nothing_written": (
        "Dry run: the file was checked and nothing was written.",
        "试运行：文件已检查，未写入任何内容。",
    ),
    "import.cli.opt.dry_run": (
        "Check the file and tell what the import would do, writing nothing.",
        "只检查文件并说明导入会做什么，不写入任何内容。",
    ),
}
