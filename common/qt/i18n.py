"""Loading translations. Source strings are Simplified Chinese; English is a translation.

Each app has its own catalog in resources/translations (`kiosk_en.qm`, …) built from
`<app>_en.ts` with `pyside6-lrelease`; Qt's own catalog (`qtbase_zh_CN`) translates the
standard buttons of Qt's dialogs.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources

log = logging.getLogger(__name__)

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, source_text: str) -> str:
        """Marks `source_text` for pyside6-lupdate and returns it unchanged (PySide6's stubs
        say `object`)."""
        ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP  # re-exported

_installed: list[QTranslator] = []


def install_translations(app: QCoreApplication, language: str, catalogs: list[str]) -> None:
    """Install the translators for `language` ("zh_CN" or "en") and set the default locale."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    if language == "en":
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    if language == "zh_CN":
        qt = QTranslator(app)
        if qt.load(
            locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt)
            _installed.append(qt)
        return
    for name in catalogs:
        translator = QTranslator(app)
        path = resources.path("translations", f"{name}_{language}.qm")
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found; showing Chinese", path)
