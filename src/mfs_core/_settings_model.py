"""The pydantic-settings model, kept apart so ``mfs_core.settings`` stays cheap to import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

__all__ = ["MfsSettings"]


class MfsSettings(BaseSettings):
    """Every setting of mfs-core. Environment variables are ``MFS_`` + the field name."""

    model_config = SettingsConfigDict(env_prefix="MFS_", extra="forbid", toml_file="mfs.toml")

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
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    @classmethod
    def reading(cls, toml_file: Path) -> type[MfsSettings]:
        """This class, reading its TOML layer from ``toml_file`` (chosen at run time)."""
        config = SettingsConfigDict(**{**cls.model_config, "toml_file": toml_file})
        return type(cls.__name__, (cls,), {"model_config": config})
