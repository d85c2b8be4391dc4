"""Where an export may go (issue 10 §5): a regular file, replaced whole, or standard output;
never through a link, a device, a pipe or a socket; private exports owner-only."""

from __future__ import annotations

import os
import socket
import stat

import pytest

from orglife_tui.export.files import ExportError, atomic_path, text_output


def mode(path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def write(target, text: str = "new\n", private: bool = False) -> None:
    with text_output(str(target), private=private) as stream:
        stream.write(text)


def test_a_device_is_refused_and_named(tmp_path):
    with pytest.raises(ExportError, match="not a regular file \\(a device\\)"):
        write("/dev/null")


def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    # Opening a FIFO for writing would block until a reader comes: refused before that.
    with pytest.raises(ExportError, match="named pipe"):
        write(fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.csv"]


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(ExportError, match="a socket"):
            write(path)


def test_a_symbolic_link_is_refused_and_what_it_points_to_is_untouched(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    link = tmp_path / "out.csv"
    link.symlink_to(precious)
    with pytest.raises(ExportError, match="symbolic link"):
        write(link)
    assert precious.read_text() == "keep me\n"
    assert link.is_symlink()
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere" / "x")
    with pytest.raises(ExportError, match="symbolic link"):
        write(dangling)


def test_standard_output_is_still_allowed(capfdbinary):
    write("-", "to the terminal\n")
    assert capfdbinary.readouterr().out == b"to the terminal\n"


def test_a_private_export_is_owner_only_even_over_a_looser_file_and_with_umask_zero(tmp_path):
    target = tmp_path / "talks.csv"
    target.write_text("old\n")
    os.chmod(target, 0o644)
    old_inode = os.stat(target).st_ino
    old_umask = os.umask(0)
    try:
        write(target, "secret\n", private=True)
        assert mode(target) == 0o600
        assert os.stat(target).st_ino != old_inode  # replaced, not rewritten in place
        fresh = tmp_path / "fresh.csv"
        write(fresh, "secret\n", private=True)
        assert mode(fresh) == 0o600
    finally:
        os.umask(old_umask)
    assert target.read_text() == "secret\n"


def test_another_export_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "roster.csv"
    target.write_text("old\n")
    os.chmod(target, 0o600)
    old_umask = os.umask(0o022)
    try:
        write(target)
        assert mode(target) == 0o600  # a roster someone kept private stays private
        fresh = tmp_path / "fresh.csv"
        write(fresh)
        assert mode(fresh) == 0o644  # a new file: the user's usual mode
    finally:
        os.umask(old_umask)


def test_a_failed_private_export_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "talks.json"
    target.write_text("the old file\n")
    with pytest.raises(RuntimeError), atomic_path(target, private=True) as tmp:
        tmp.write_text("half")
        raise RuntimeError("disk gone")
    assert target.read_text() == "the old file\n"
    assert [p.name for p in tmp_path.iterdir()] == ["talks.json"]
