from typing import Annotated

from app.kit.auth import owned
from app.models import Option
from app.options.service import get_option

ValidOption = Annotated[Option, owned("option_id", get_option)]
