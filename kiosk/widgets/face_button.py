"""A rating face: a big drawn face with its word under it (非常满意 … 非常不满意)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from common.qt import theme
from kiosk import texts

# Face colour per score: green for pleased, through amber, to red.
FACE_COLORS = {5: "#2E7D32", 4: "#7CB342", 3: "#F9A825", 2: "#EF6C00", 1: "#C62828"}
# How much the mouth smiles (+) or frowns (−).
MOUTH_CURVE = {5: 1.0, 4: 0.55, 3: 0.0, 2: -0.45, 1: -0.9}


class FaceButton(QAbstractButton):
    """Tap to give `score` (1–5)."""

    def __init__(self, score: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = score
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(170)
        self.setFixedHeight(340)
        self.setAccessibleName(texts.score_name(score))

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt override
        return QSize(190, 340)

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label_height = 84  # two lines: long English words wrap
        side = min(self.width() - 16, self.height() - label_height - 16)
        face = QRectF((self.width() - side) / 2, 8, side, side)
        if self.isDown():
            painter.setBrush(QColor(theme.GREEN_LIGHT))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(QRectF(self.rect()), 20, 20)
        color = QColor(FACE_COLORS[self.score])
        painter.setPen(QPen(color.darker(130), 4))
        painter.setBrush(color)
        painter.drawEllipse(face)

        ink = QColor("white")
        eye = side * 0.085
        for dx in (-0.18, 0.18):
            centre = QPointF(face.center().x() + dx * side, face.top() + side * 0.38)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink)
            painter.drawEllipse(centre, eye, eye)

        curve = MOUTH_CURVE[self.score]
        left = QPointF(face.left() + side * 0.27, face.top() + side * 0.66)
        right = QPointF(face.right() - side * 0.27, left.y())
        control = QPointF(face.center().x(), left.y() + curve * side * 0.22)
        mouth = QPainterPath(left)
        mouth.quadTo(control, right)
        pen = QPen(ink, max(5.0, side * 0.06))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(mouth)

        font = theme.app_font()
        font.setPixelSize(32)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(theme.INK))
        label = QRectF(0, face.bottom() + 8, self.width(), label_height)
        painter.drawText(
            label,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            texts.score_name(self.score),
        )
