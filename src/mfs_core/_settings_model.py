"""The pydantic-settings model, kept apart so ``mfs_core.settings`` stays cheap to import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    InitSettingsSource,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

__all__ = ["MfsSettings"]


class MfsSettings(BaseSettings):
    """Every setting of mfs-core. Environment variables are ``MFS_`` + the field name."""

    model_config = SettingsConfigDict(env_prefix="MFS_", extra="forbid")
    #: The TOML file of the lowest layer (see :meth:`reading`).
    toml_path: ClassVar[Path] = Path("mfs.toml")

    plugins_enable: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="External plugins to load (comma-separated); empty means all.",
    )
    plugins_disable: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="External plugins never to load (comma-separated)."
    )
    plugins_strict: bool = Field(
        default=False, description="Turn plugin load faults into failures (for CI)."
    )
    plugins_load_budget: float = Field(
        default=10.0,
        description="Seconds one plugin may take to import and register, and each of its "
        "hooks; 0: no limit. Over it, the plugin is named and skipped.",
    )
    plugins_call_budget: float = Field(
        default=1.0,
        description="Seconds one call of a plugin's referral-rule predicate or check may "
        "take; 0: no limit. Over it, the call fails and the plugin is skipped from then on.",
    )
    config: Path | None = Field(
        default=None, description="The mfs.toml file to read (MFS_CONFIG); default ./mfs.toml."
    )
    journal_url: str = Field(
        default="sqlite:///mfs-journal.sqlite3",
        description="Where the journal lives: sqlite:///path or postgresql://...",
    )
    pseudonym_secret: SecretStr | None = Field(
        default=None, description="Key of the pseudonyms that link returning residents."
    )
    max_verification_age_days: int = Field(
        default=730,
        ge=1,
        le=365_000,  # validation.MAX_AGE_DAYS_LIMIT (far beyond, no date fits)
        description="A procedure or rule verified longer ago than this is a finding.",
    )

    # -- mfs serve (read by mfs_core.serve only; formats documented in docs/http.md) --------
    api_tokens: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list,
        description="Bearer tokens of the HTTP service, comma-separated SITE:ROLE:TOKEN "
        "entries (ROLE agent or manager; TOKEN at least 32 characters, or sha256:HEX of it). "
        "Secrets: never logged, compared in constant time.",
    )
    api_site_id: str | None = Field(
        default=None,
        description="The counter whose journal this server holds; when set, only tokens of "
        "this site may write or read the journal.",
    )
    api_open_read: bool | None = Field(
        default=None,
        description="Whether reading (catalogue, routing, checks, desk page) needs no token; "
        "default: open when the server listens on a loopback address only.",
    )
    api_cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed by CORS (comma-separated); empty: CORS off.",
    )
    api_max_body_bytes: int = Field(
        default=16 * 1024 * 1024,
        ge=1024,
        le=64 * 1024 * 1024,
        description="Largest request body of the HTTP service (bytes) for JSON-lines "
        "streams; a single JSON document is limited to 1 MiB.",
    )
    api_body_timeout_seconds: float = Field(
        default=60.0,
        ge=1.0,
        le=3600.0,
        description="Longest time the HTTP service waits for a request body to arrive whole "
        "(seconds); a body still arriving then is refused (408) and its connection closed.",
    )

    @field_validator("api_tokens", mode="before")
    @classmethod
    def _split_tokens(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [entry.strip() for entry in value.split(",") if entry.strip()]
        return value

    @field_validator("plugins_enable", "plugins_disable", "api_cors_origins", mode="before")
    @classmethod
    def _split_commas(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [name.strip() for name in value.split(",") if name.strip()]
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, _TomlFile(settings_cls))

    @classmethod
    def reading(cls, toml_file: Path) -> type[MfsSettings]:
        """This class, reading its TOML layer from ``toml_file`` (chosen at run time)."""
        return type(cls.__name__, (cls,), {"toml_path": toml_file})


class _TomlFile(InitSettingsSource):
    """The ``mfs.toml`` layer, read through :func:`mfs_core.inputs.read_toml` like every
    input (size and depth limits, UTF-8 with or without a byte order mark); its problems
    are :class:`~mfs_core.errors.InputError` naming the file."""

    def __init__(self, settings_cls: type[BaseSettings]) -> None:
        from mfs_core.inputs import read_toml

        path = getattr(settings_cls, "toml_path", None)
        data = read_toml(str(path)) if isinstance(path, Path) and path.is_file() else {}
        super().__init__(settings_cls, data)
