"""Calls a language writes otherwise than ``name(args)`` read as the calls they are: Objective-C's
messages, Haskell's application, Groovy's and Ruby's command calls, Lisp's s-expressions, the bare calls
in a block given to a name (Kotlin's and Groovy's builders), procedures called as statements (VB's, T-SQL's
``EXEC``, OLE Automation's ``sp_OAMethod``) and a markup language's tags (CFML's)."""

from __future__ import annotations

import pytest

from keyaudit.inputs.captures.source_calls import written_calls
from keyaudit.inputs.captures.source_languages import LANGUAGES
from keyaudit.inputs.captures.source_tokens import tokens


def _written(text: str, language: str) -> str:
    return " ".join(t.text for t in written_calls(tokens(text, LANGUAGES[language]), LANGUAGES[language]))


@pytest.mark.parametrize(("language", "text", "calls"), [
    ("objc", '[request setValue:@"v" forHTTPHeaderField:@"Name"];',
     "request.setValue ( v , forHTTPHeaderField : Name ) ;"),
    ("objc", "[[NSURLSession sharedSession] dataTaskWithRequest:request];",
     "NSURLSession.sharedSession ( ) . dataTaskWithRequest ( request ) ;"),
    ("objc", 'NSArray *a = @[@"x", @"y"]; id b = a[0];', "NSArray * a = @ [ x , y ] ; id b = a [ 0 ] ;"),
    ("haskell", 'let r = setRequestHeader "N" ["v"] $ parseRequest_ "u"\nprint (code r)',
     "let r = setRequestHeader ( N , [ v ] ) $ parseRequest_ ( u ) print ( ( code ( r ) ) )"),
    ("groovy", "def r = httpRequest url: 'u',\n    httpMode: 'POST'\necho 'x'\ndef y = z\n",
     "def r = httpRequest ( url : u , httpMode : POST ) echo ( x ) def y = z"),
    ("ruby", "class G\n  base_uri 'u'\n  headers 'N' => 'v', 'M' => 'w'\nend\n",
     "class G base_uri ( u ) headers ( N => v , M => w ) end"),
    ("lisp", '(client/post "u" {:headers {"N" "v"} :body "b"})',
     "client.post ( u , { headers : { N : v } , body : b } )"),
    ("dollar", 'client.post(u) {\n headers { append("N", "v") }\n setBody("b")\n}\nif (x) { f() } else { g() }\n',
     "client.post ( u ) { headers { headers.append ( N , v ) } setBody ( b ) } if ( x ) { f ( ) } else { g ( ) }"),
    # VB's call statements: a member a line starts with, given arguments with no parentheses; no other name
    ("vb", 'Dim http As Object\nhttp.Open "POST", u, False\nhttp.Send body\nEnd Function\n',
     "Dim http http.Open ( POST , u , False ) http.Send ( body ) End Function"),
    # T-SQL's EXEC, its result bound, its labelled arguments from the next line, to the statement's `;`
    ("sql", "EXEC @ret = sp_invoke_external_rest_endpoint\n  @url = N'u',\n  @method = 'POST';\nSELECT @ret;",
     "ret = sp_invoke_external_rest_endpoint ( url = u , method = POST ) ; SELECT ret ;"),
    # OLE Automation's method called by its name: the object's method, given what follows the result
    ("sql", "EXEC @hr = sp_OAMethod @obj, 'setRequestHeader', NULL, 'N', 'v';\nEXEC sp_OADestroy @obj;",
     "hr = obj.setRequestHeader ( N , v ) ; sp_OADestroy ( obj ) ;"),
    ("cfml", '<cfhttp url="u" method="post">\n  <cfhttpparam type="body" value="#body#" />\n</cfhttp>',
     "cfhttp ( url = u method = post ) cfhttpparam ( type = body value = body )"),
])
def test_a_call_written_otherwise_is_read_as_a_call(language: str, text: str, calls: str) -> None:
    assert _written(text, language) == calls
