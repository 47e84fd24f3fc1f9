"""The frame as JSON-ready data, Markdown or plain text (for `denkraam framework show` and the docs)."""

from __future__ import annotations

from typing import Any

from denkraam.framework.model import Frame


def frame_to_dict(frame: Frame) -> dict[str, Any]:
    """The documented JSON shape: id, version, title, needs → principles → questions, scale."""
    return {
        "id": frame.id,
        "version": frame.version,
        "title": frame.title,
        "title_en": frame.title_en,
        "needs": [
            {
                "id": need.id,
                "title": need.title,
                "title_en": need.title_en,
                "citizen_voice": need.citizen_voice,
                "description": need.description,
                "principles": [
                    {
                        "id": p.id,
                        "title": p.title,
                        "title_en": p.title_en,
                        "description": p.description,
                        "questions": [
                            {"id": q.id, "text": q.text, "guidance": q.guidance, "evidence": list(q.evidence)}
                            for q in p.questions
                        ],
                    }
                    for p in need.principles
                ],
            }
            for need in frame.needs
        ],
        "scale": [
            {"id": o.id, "label": o.label, "label_en": o.label_en, "score": o.score, "description": o.description}
            for o in frame.scale
        ],
        "not_applicable": {
            "id": frame.not_applicable.id,
            "label": frame.not_applicable.label,
            "reason_required": frame.not_applicable.reason_required,
        },
        "question_sets": [
            {"id": qs.id, "title": qs.title, "description": qs.description, "questions": list(qs.question_ids)}
            for qs in frame.question_sets
        ],
    }


def frame_to_markdown(frame: Frame) -> str:
    lines = [f"# {frame.title} {frame.version} ({frame.title_en})", "", frame.about, ""]
    for need in frame.needs:
        lines += [
            f"## {need.title} (`{need.id}`, {need.title_en})",
            "",
            f"> {need.citizen_voice}",
            "",
            need.description,
            "",
        ]
        for p in need.principles:
            lines += [f"### {p.title} (`{p.id}`, {p.title_en})", "", p.description, ""]
            for q in p.questions:
                evidence = ", ".join(q.evidence) or "-"
                lines += [f"- **{q.text}** (`{q.id}`)  ", f"  {q.guidance}  ", f"  *Bewijs:* {evidence}"]
            lines.append("")
    lines += ["## Antwoordschaal", ""]
    lines += [f"- **{o.label}** ({o.score}): {o.description}" for o in frame.scale]
    lines += [
        f"- **{frame.not_applicable.label}**: {frame.not_applicable.description}",
        "",
        "## Score",
        "",
        frame.scoring,
    ]
    if frame.question_sets:
        lines += ["", "## Vragensets", ""]
        for qs in frame.question_sets:
            lines += [f"### {qs.title} (`{qs.id}`, {len(qs.question_ids)} vragen)", "", qs.description, ""]
            lines += [f"- {frame.question(q).text} (`{q}`)" for q in qs.question_ids]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def frame_to_text(frame: Frame) -> str:
    lines = [f"{frame.title} {frame.version}", ""]
    for need in frame.needs:
        lines += [f'{need.title.upper()} ({need.id}) - "{need.citizen_voice}"']
        for p in need.principles:
            lines.append(f"  {p.title} ({p.id})")
            lines += [f"    - {q.text}" for q in p.questions]
        lines.append("")
    scale = ", ".join(o.label.lower() for o in frame.scale)
    lines.append(f"Schaal: {scale}, of {frame.not_applicable.label.lower()} (met reden).")
    for qs in frame.question_sets:
        lines.append(f"Vragenset {qs.title} ({qs.id}): {len(qs.question_ids)} vragen.")
    return "\n".join(lines) + "\n"
