import os
from pathlib import Path

import anthropic
from openai import OpenAI

from .prompts import REVIEW_RULES

client = anthropic.Anthropic()
openai_client = OpenAI()


def review_diff(diff: str, language: str) -> str:
    # burnrate: callsPerDay=300
    message = client.with_options(timeout=60).messages.create(
        model=os.environ.get("REVIEW_MODEL", "claude-sonnet-4-5"),
        max_tokens=1200,
        system=f"You review {language:>10} pull requests. {REVIEW_RULES}",
        messages=[{"role": "user", "content": f"Review this diff:\n\n{diff}"}],
    )
    return message.content[0].text


def summarise_release(notes: str) -> str:
    response = openai_client.responses.create(
        model="gpt-4.1",
        max_output_tokens=300,
        instructions=(Path(__file__).parent / "release.txt").read_text(),
        input=notes,
    )
    return response.output_text
