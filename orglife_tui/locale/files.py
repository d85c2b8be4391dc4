"""Messages of files and the database: export targets, file modes, read-only databases,
waiting for another writer (issue 10 §5). (English, Chinese); Chinese uses full-width
punctuation."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- export targets
    "files.not_regular": (
        "Cannot write {file}: it is not a regular file ({kind}); name a file, or - for "
        "standard output.",
        "无法写入 {file}：它不是普通文件（{kind}）；请指定文件名，或用 - 输出到标准输出。",
    ),
    "files.symlink": (
        "Cannot write {file}: it is a symbolic link; name the file it points to instead.",
        "无法写入 {file}：它是符号链接；请直接指定它所指向的文件。",
    ),
    "files.kind.char_device": ("a device", "设备"),
    "files.kind.block_device": ("a disk device", "磁盘设备"),
    "files.kind.fifo": ("a named pipe", "命名管道"),
    "files.kind.socket": ("a socket", "套接字"),
    "files.kind.other": ("not a file", "非文件"),
    # --- the database file
    "db.tightened": (
        "Note: {path} was readable by others (mode {old}); it is now {new}, owner only.",
        "提示：{path} 原先可被他人读取（权限 {old}），现已改为 {new}，仅所有者可读写。",
    ),
    "db.cannot_tighten": (
        "Warning: {path} is readable by others (mode {old}) and cannot be tightened: {reason}.",
        "警告：{path} 可被他人读取（权限 {old}），且无法收紧：{reason}。",
    ),
    "db.not_owner": ("the file belongs to another user", "该文件属于其他用户"),
    "db.folder_open": (
        "Warning: the folder {folder} can be written by others (mode {mode}): they could "
        "replace the database file.",
        "警告：文件夹 {folder} 可被他人写入（权限 {mode}），他人可能替换数据库文件。",
    ),
    "db.not_orglife": (
        "{path} is a SQLite database of another program (it has tables but no orglife-tui "
        "schema); it is left as it is. Name another file.",
        "{path} 是其他程序的 SQLite 数据库（有数据表但没有 orglife-tui 的结构），未作任何改动。"
        "请指定其他文件。",
    ),
    "db.read_only_opened": (
        "Note: the database {path} is read-only ({reason}): it is open for reading, and "
        "changes are refused.",
        "提示：数据库 {path} 为只读（{reason}）：仅可查看，不能修改。",
    ),
    "db.read_only": (
        "The database is read-only ({reason}): nothing was changed.",
        "数据库为只读（{reason}）：未作任何修改。",
    ),
    "db.ro.file_mode": ("the file is not writable", "文件不可写"),
    "db.ro.folder": ("its folder is not writable", "所在文件夹不可写"),
    "db.ro.immutable": ("the file is marked unchangeable", "文件被设为不可更改"),
    "db.ro.refused": ("the system refused the write", "系统拒绝写入"),
    "db.read_only_not_ready": (
        "The database {path} is read-only and not yet set up for this version of "
        "orglife-tui; it cannot be opened until it is writable.",
        "数据库 {path} 为只读，且尚未升级到当前版本的 orglife-tui 结构；需可写后才能打开。",
    ),
    # --- waiting for another writer
    "db.waiting": (
        "Waiting for another writer… (up to {seconds} s)",
        "正在等待另一个写入操作完成……（最多 {seconds} 秒）",
    ),
    "db.lock_timeout": (
        "Another user kept the database busy for {seconds} s; nothing was changed. Try "
        "again later (ORGLIFE_LOCK_TIMEOUT sets how long to wait).",
        "另一用户占用数据库已超过 {seconds} 秒，未作任何修改。请稍后再试"
        "（等待时长可用 ORGLIFE_LOCK_TIMEOUT 设置）。",
    ),
    "db.bad_lock_timeout": (
        "ORGLIFE_LOCK_TIMEOUT={value!r} is not a number of seconds (e.g. 60).",
        "ORGLIFE_LOCK_TIMEOUT={value} 不是秒数（例如 60）。",
    ),
}
