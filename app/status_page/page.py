"""The status page's HTML: small, semantic, labelled, and working without JavaScript."""

from html import escape

from app.status_page.service import StatusView

STYLE = (
    "body{font:1.05rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;"
    "color:#1a1a1a}fieldset{border:1px solid #888;padding:1rem}label{display:block;margin:.4rem 0}"
    "button{font:inherit;padding:.4rem 1rem;margin-top:.8rem}"
    ".notice{border-left:4px solid #1a6;padding:.2rem .8rem}.error{border-color:#b00}"
)


def _document(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{escape(title)}</title>'
        f"<style>{STYLE}</style></head><body><main>{body}</main></body></html>"
    )


def status_page(view: StatusView, *, answered: bool = False, error: str | None = None) -> str:
    greeting = f"Hello {view.name}" if view.name else "Hello"
    where = view.standing
    standing = (
        f"<h2>{escape(where.headline)}</h2><p>{escape(where.explanation)}</p>"
        f"<p>{escape(where.next_step)}</p>"
        if where is not None
        else ""
    )
    door = (
        "The door is open: we would like to stay in touch."
        if view.door_open
        else "We do not expect to reopen this."
    )
    message = "".join(f"<p>{escape(part)}</p>" for part in view.message.split("\n") if part.strip())
    notice = ""
    if answered:
        notice = '<p class="notice" role="status">Thank you: we have your answer.</p>'
    elif error:
        notice = f'<p class="notice error" role="alert">{escape(error)}</p>'
    form = (
        '<form method="post"><fieldset><legend>Your answer</legend>'
        '<label><input type="radio" name="answer" value="still_interested" required> '
        "I am still interested</label>"
        '<label><input type="radio" name="answer" value="available_from"> '
        "I am available from the date below</label>"
        '<label for="available_from">Available from</label>'
        '<input type="date" id="available_from" name="available_from">'
        '<label><input type="radio" name="answer" value="do_not_contact"> '
        "Please don't contact me again</label>"
        '</fieldset><button type="submit">Send my answer</button></form>'
    )
    body = (
        f"<h1>Your application for {escape(view.role)}</h1>{notice}"
        f"<p>{escape(greeting)},</p>"
        f'<section aria-labelledby="where"><h2 id="where">Where you stand</h2>{standing}'
        f"<p><strong>{escape(door)}</strong></p></section>"
        f'<section aria-labelledby="said"><h2 id="said">What we wrote to you</h2>{message}</section>'
        f'<section aria-labelledby="answer"><h2 id="answer">Tell us where you are</h2>{form}'
        "</section>"
    )
    return _document(f"Your application for {view.role}", body)


def not_found_page() -> str:
    return _document(
        "Link not found",
        "<h1>This link does not work</h1><p>It may have expired or been withdrawn. "
        "If you were expecting news, please reply to the email you received.</p>",
    )
