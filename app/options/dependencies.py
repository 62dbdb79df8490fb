from typing import Annotated, Any

from app.kit.auth import owned
from app.models import Option
from app.options.service import ActionTarget, get_option, get_option_document, load_for_action

ValidOption = Annotated[Option, owned("option_id", get_option)]
# GET: the option's response document, read in one statement.
OptionDocument = Annotated[dict[str, Any], owned("option_id", get_option_document)]
# Actions: the option loaded once, its requisition locked (before the body is validated, so
# another organization's id is a 404 whatever the body).
OptionForAction = Annotated[ActionTarget, owned("option_id", load_for_action)]
