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
        description="A procedure or rule verified longer ago than this is a finding.",
    )

    @field_validator("plugins_enable", "plugins_disable", mode="before")
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
