"""The checks every blind corpus of request shapes must pass, in one place: each corpus module
holds only its shapes and three lists of them (made with :func:`helpers.signed_shapes.case`) —
``SHAPES`` that show the body as sent, ``HEADERS_ONLY`` that never do, ``NO_HEADERS`` that show no
header at all — and this module runs the lists of all of them, so a new corpus adds shapes, not
tests. (The first corpus, of :mod:`helpers.request_shapes`' placeholder-signed requests, keeps its
own check.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import test_request_shapes_blind_eight as eight
import test_request_shapes_blind_eighteen as eighteen
import test_request_shapes_blind_eleven as eleven
import test_request_shapes_blind_fifteen as fifteen
import test_request_shapes_blind_fifty as fifty
import test_request_shapes_blind_fifty_one as fifty_one
import test_request_shapes_blind_fifty_two as fifty_two
import test_request_shapes_blind_fifty_three as fifty_three
import test_request_shapes_blind_fifty_four as fifty_four
import test_request_shapes_blind_five as five
import test_request_shapes_blind_forty as forty
import test_request_shapes_blind_forty_one as forty_one
import test_request_shapes_blind_forty_eight as forty_eight
import test_request_shapes_blind_forty_nine as forty_nine
import test_request_shapes_blind_forty_seven as forty_seven
import test_request_shapes_blind_forty_six as forty_six
import test_request_shapes_blind_forty_five as forty_five
import test_request_shapes_blind_forty_four as forty_four
import test_request_shapes_blind_forty_three as forty_three
import test_request_shapes_blind_forty_two as forty_two
import test_request_shapes_blind_fourteen as fourteen
import test_request_shapes_blind_four as four
import test_request_shapes_blind_nine as nine
import test_request_shapes_blind_nineteen as nineteen
import test_request_shapes_blind_seven as seven
import test_request_shapes_blind_seventeen as seventeen
import test_request_shapes_blind_sixteen as sixteen
import test_request_shapes_blind_six as six
import test_request_shapes_blind_ten as ten
import test_request_shapes_blind_three as three
import test_request_shapes_blind_thirteen as thirteen
import test_request_shapes_blind_thirty as thirty
import test_request_shapes_blind_thirty_one as thirty_one
import test_request_shapes_blind_thirty_seven as thirty_seven
import test_request_shapes_blind_thirty_six as thirty_six
import test_request_shapes_blind_thirty_eight as thirty_eight
import test_request_shapes_blind_thirty_nine as thirty_nine
import test_request_shapes_blind_thirty_five as thirty_five
import test_request_shapes_blind_thirty_four as thirty_four
import test_request_shapes_blind_thirty_three as thirty_three
import test_request_shapes_blind_thirty_two as thirty_two
import test_request_shapes_blind_three_text as three_text
import test_request_shapes_blind_twelve as twelve
import test_request_shapes_blind_twenty as twenty
import test_request_shapes_blind_twenty_eight as twenty_eight
import test_request_shapes_blind_twenty_five as twenty_five
import test_request_shapes_blind_twenty_four as twenty_four
import test_request_shapes_blind_twenty_nine as twenty_nine
import test_request_shapes_blind_twenty_one as twenty_one
import test_request_shapes_blind_twenty_seven as twenty_seven
import test_request_shapes_blind_twenty_six as twenty_six
import test_request_shapes_blind_twenty_three as twenty_three
import test_request_shapes_blind_twenty_two as twenty_two
import test_request_shapes_blind_two as two
import test_request_shapes_code as code
import test_request_shapes_code_five as code_five
import test_request_shapes_code_four as code_four
import test_request_shapes_code_seven as code_seven
import test_request_shapes_code_six as code_six
import test_request_shapes_code_three as code_three
import test_request_shapes_code_two as code_two
import test_request_shapes_layouts as layouts
import test_request_shapes_part_lines as part_lines
import test_request_shapes_printed as printed

from helpers.running import request_rules, scan_json
from helpers.signed_shapes import Shape, check_shape, write_shape

CORPORA = (two, three, three_text, four, five, six, seven, eight, nine, ten, eleven, twelve, thirteen, fourteen, fifteen,
           sixteen, seventeen, eighteen, nineteen, twenty, twenty_one, twenty_two, twenty_three, twenty_four,
           twenty_five, twenty_six, twenty_seven, twenty_eight, twenty_nine, thirty, thirty_one, thirty_two,
           thirty_three, thirty_four, thirty_five, thirty_six, thirty_seven, thirty_eight, thirty_nine, forty,
           forty_one, forty_two, forty_three, forty_four, forty_five, forty_six, forty_seven, forty_eight, forty_nine,
           fifty, fifty_one, fifty_two, fifty_three, fifty_four,
           code, code_two,
           code_three, code_four, code_five, code_six, code_seven, printed, layouts, part_lines)
ARGUMENTS = ("shape", "name", "plaintext")


@pytest.mark.parametrize(ARGUMENTS, [shape for corpus in CORPORA for shape in corpus.SHAPES])
def test_every_documented_shape_gives_the_same_request_findings(shape: Shape, name: str, plaintext: bool,
                                                                tmp_path: Path) -> None:
    check_shape(shape, tmp_path, name, plaintext=plaintext)


@pytest.mark.parametrize(ARGUMENTS, [shape for corpus in CORPORA for shape in corpus.HEADERS_ONLY])
def test_a_shape_without_bodies_reports_the_unsigned_and_leaves_signatures_unjudged(shape: Shape, name: str,
                                                                                     plaintext: bool,
                                                                                     tmp_path: Path) -> None:
    check_shape(shape, tmp_path, name, body_shown=False, plaintext=plaintext)


@pytest.mark.parametrize(ARGUMENTS, [shape for corpus in CORPORA for shape in corpus.NO_HEADERS])
def test_a_shape_without_headers_reads_every_request_and_calls_none_unsigned(shape: Shape, name: str,
                                                                             plaintext: bool, tmp_path: Path) -> None:
    """Where the shape shows the requests went over plain HTTP (a sensor that parses clear text
    only), each is a plaintext request and nothing more: no credential shows."""
    path, public = write_shape(shape, tmp_path, name)
    report, _ = scan_json("--public-key", str(public), str(path))
    found = request_rules(report)
    assert found == (["asaas-plaintext-request"] + ["iugu-plaintext-request"] * 3 if plaintext else []), \
        (shape.__name__, found)
    assert report["scan"]["requests"].get("requests_judged") == 4, report["scan"]["requests"]
