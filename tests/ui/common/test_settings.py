"""One-run overrides: HALLCLIENT_* variables and command-line flags, never persisted."""

from pathlib import Path

from hallclient.ui.common.settings import HallSettings


def test_flags_override_environment_and_nothing_is_stored(tmp_path: Path) -> None:
    ini = tmp_path / "hallclient.ini"
    stored = HallSettings(ini)
    stored.role = "kiosk"
    stored.node_url = "http://10.0.0.9:8470"
    stored.sync()

    s = HallSettings(ini)
    s.apply_env({"HALLCLIENT_ROLE": "display", "HALLCLIENT_NODE": "http://10.0.0.5:8470", "HALLCLIENT_WINDOW": "3"})
    assert (s.role, s.node_url, s.window_no) == ("display", "http://10.0.0.5:8470", 3)
    s.apply_overrides(role="clerk", node=None, window=7)  # flags win; None keeps the environment's node
    assert (s.role, s.node_url, s.window_no) == ("clerk", "http://10.0.0.5:8470", 7)
    s.apply_overrides(node="")  # an empty address means the embedded hall node
    assert s.node_url == "" and s.overridden("node/url")

    again = HallSettings(ini)
    assert (again.role, again.node_url) == ("kiosk", "http://10.0.0.9:8470")


def test_switch_is_on_unless_turned_off(tmp_path) -> None:
    from hallclient.ui.common.settings import HallSettings

    s = HallSettings(tmp_path / "s.ini")
    assert s.switch("display/voice")  # unset: on
    for off in ("0", "false", "No"):
        s.set_value("display/voice", off)
        assert not s.switch("display/voice")
    s.set_value("display/voice", "true")
    assert s.switch("display/voice")
