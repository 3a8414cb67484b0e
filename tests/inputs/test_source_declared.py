"""A request declared in one place and its base URL bound in another: a declarative client's interface method
(Retrofit's annotations), the client built with a base URL and bound to the interface, and a call of the method
on it, each parameter given the value the call passes (real files in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

from helpers.credentials import asaas_key, iugu_token
from helpers.running import scan_json


def _sent(folder: Path, name: str, text: str) -> list[tuple[str, str]]:
    path = folder / "src" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    report, _ = scan_json(str(path))
    return [(f["rule_id"], f["context"]["url"]) for f in report["findings"] if f["context"].get("method")]


def _kotlin(builder: str) -> str:
    body = f'{{"api_token":"{iugu_token()}","amount_cents":1050}}'
    return ("package br.com.app\n\nimport retrofit2.Retrofit\nimport retrofit2.http.*\n\ninterface TransfersApi {\n"
            '    @Headers("Content-Type: application/json")\n    @POST("v1/transfer_requests")\n'
            '    suspend fun transfer(@Header("Request-Time") requestTime: String, @Body corpo: RequestBody): Unit\n'
            "}\n\nclass Repository {\n    private val api: TransfersApi = Retrofit.Builder()\n"
            f"{builder}        .build()\n        .create(TransfersApi::class.java)\n\n"
            f"    suspend fun transfer() {{\n        val corpo = \"\"\"{body}\"\"\".toRequestBody()\n"
            '        api.transfer(requestTime = "2026-11-22T10:00:00-03:00", corpo = corpo)\n    }\n}\n')


BASE = '        .baseUrl("https://api.iugu.com/")\n'


def test_a_declared_method_called_on_a_client_bound_to_its_interface_is_a_request(tmp_path: Path) -> None:
    """Retrofit in Kotlin: the interface's ``@POST("v1/…")`` joined to the builder's ``baseUrl(…)``, its static and
    parameter headers and its ``@Body`` given by the call's named arguments: an unsigned transfer."""
    assert _sent(tmp_path, "Repository.kt", _kotlin(BASE)) == [
        ("iugu-unsigned-transfer", "https://api.iugu.com/v1/transfer_requests")]


def test_a_declared_method_s_parameters_are_given_by_their_places_too(tmp_path: Path) -> None:
    """Retrofit in Java: the interface nested in the class, the parameters typed before their names, the call's
    arguments by position; a path with a leading slash joined to the base all the same."""
    code = ("package br.com.app;\n\npublic class TransferGateway {\n    interface TransfersApi {\n"
            '        @Headers({"Content-Type: application/json"})\n        @POST("/v3/transfers")\n'
            '        Call<ResponseBody> transfer(@Header("access_token") String token, @Body RequestBody body);\n'
            "    }\n\n    private final TransfersApi api = new Retrofit.Builder()\n"
            '            .baseUrl("https://api.asaas.com/")\n            .build()\n'
            "            .create(TransfersApi.class);\n\n    public void send() throws Exception {\n"
            '        RequestBody body = RequestBody.create("{\\"value\\": 10.5}", JSON);\n'
            '        api.transfer(System.getenv("ASAAS_KEY"), body).execute();\n    }\n}\n')
    assert _sent(tmp_path, "TransferGateway.java", code) == [
        ("asaas-unsigned-transfer", "https://api.asaas.com/v3/transfers")]


def test_a_declaration_with_no_literal_base_or_with_a_client_of_its_own_sends_no_unsigned_request(
        tmp_path: Path) -> None:
    """A base the code computes (``BuildConfig.API_URL``) leaves the request unread; a client given an HTTP client
    of its own (``.client(okHttp)``: its interceptors may sign) sends headers unknown, never unsigned."""
    assert _sent(tmp_path, "Computed.kt", _kotlin("        .baseUrl(BuildConfig.API_URL)\n")) == []
    assert _sent(tmp_path, "Intercepted.kt", _kotlin(BASE + "        .client(okHttp)\n")) == []


def _asaas_and_iugu() -> str:
    """Two interfaces with a method of one name, three classes each with a client field ``api``: iugu's between two
    of Asaas's, each declared below the method that calls it."""
    asaas = ("class {name} {{\n    suspend fun send(corpo: RequestBody) {{\n"
             '        api.transfer(System.getenv("ASAAS_KEY"), corpo)\n    }}\n\n'
             "    private val api: AsaasApi = Retrofit.Builder()\n"
             '        .baseUrl("https://api.asaas.com/")\n        .build()\n'
             "        .create(AsaasApi::class.java)\n}}\n\n")
    return ("package br.com.app\n\nimport retrofit2.Retrofit\nimport retrofit2.http.*\n\ninterface IuguApi {\n"
            '    @Headers("Content-Type: application/json")\n    @POST("v1/transfer_requests")\n'
            "    suspend fun transfer(@Body corpo: RequestBody): Unit\n}\n\ninterface AsaasApi {\n"
            '    @Headers("Content-Type: application/json")\n    @POST("v3/transfers")\n'
            '    suspend fun transfer(@Header("access_token") token: String, @Body corpo: RequestBody): Unit\n}\n\n'
            + asaas.format(name="AsaasRepository")
            + "class IuguRepository {\n    private val api: IuguApi = Retrofit.Builder()\n"
            '        .baseUrl("https://api.iugu.com/")\n        .build()\n        .create(IuguApi::class.java)\n\n'
            "    suspend fun send(corpo: RequestBody) {\n        api.transfer(corpo)\n    }\n}\n\n"
            + asaas.format(name="LaterAsaas"))


def test_a_client_binds_the_calls_of_its_own_class_before_or_after_its_declaration(tmp_path: Path) -> None:
    """A client field binds the calls within the class it is declared in, a method above it too, and no call in
    another class: each ``api.transfer`` of an Asaas class is Asaas's (one after a class whose ``api`` is iugu's is
    not judged against iugu's base and interface; one above its own field is read all the same)."""
    assert sorted(_sent(tmp_path, "Repositories.kt", _asaas_and_iugu())) == [
        ("asaas-unsigned-transfer", "https://api.asaas.com/v3/transfers"),
        ("asaas-unsigned-transfer", "https://api.asaas.com/v3/transfers"),
        ("iugu-unsigned-transfer", "https://api.iugu.com/v1/transfer_requests")]


def test_a_call_two_clients_of_its_name_reach_is_not_read(tmp_path: Path) -> None:
    """A client field set again in the method that makes the call (a sandbox's, then production's where a flag says
    so): two clients of its name reach the call, which one it is made on its order alone does not say, so no request
    is read."""
    code = _kotlin(BASE.replace("api.iugu.com", "sandbox.example.com")).replace(
        "        api.transfer(", "        if (production) api = Retrofit.Builder()\n" + BASE
        + "            .build().create(TransfersApi::class.java)\n        api.transfer(").replace(
        "private val api", "private var api")
    assert _sent(tmp_path, "Repository.kt", code) == []


def test_a_declared_full_url_replaces_the_base_and_a_path_from_the_root_its_path(tmp_path: Path) -> None:
    """Retrofit resolves the annotation's URL against the base as a link is: a full URL is sent as it is, whatever
    the base; a path from the root keeps the base's host and drops its path."""
    full = _kotlin(BASE.replace("api.iugu.com", "gateway.example.com")).replace(
        '@POST("v1/', '@POST("https://api.iugu.com/v1/')
    assert _sent(tmp_path, "Full.kt", full) == [("iugu-unsigned-transfer", "https://api.iugu.com/v1/transfer_requests")]
    rooted = _kotlin(BASE.replace(".com/", ".com/proxy/")).replace('@POST("v1/', '@POST("/v1/')
    assert _sent(tmp_path, "Rooted.kt", rooted) == [
        ("iugu-unsigned-transfer", "https://api.iugu.com/v1/transfer_requests")]


def test_a_brace_or_a_parenthesis_in_a_comment_or_a_string_closes_no_interface_or_parameter_list(
        tmp_path: Path) -> None:
    """The interface's end and each method's parameters are found by code's brackets alone: a comment's ``}`` (a
    JSON body written out, a block comment), or a method before it whose parameter's default string holds ``(``,
    leave the method declared."""
    head = "interface TransfersApi {\n"
    commented = ['    // the body: {"amount_cents": 1050} }\n', "    /* { } } */\n"]
    stringed = '    @POST("v1/drafts")\n    suspend fun draft(@Header("X-Note") note: String = "(draft"): Unit\n\n'
    for name, lines in [("Line.kt", commented[0]), ("Block.kt", commented[1]), ("Stringed.kt", stringed)]:
        assert _sent(tmp_path, name, _kotlin(BASE).replace(head, head + lines)) == [
            ("iugu-unsigned-transfer", "https://api.iugu.com/v1/transfer_requests")], name


def test_a_client_set_as_a_field_in_a_constructor_or_an_initializer_binds_its_class_s_calls(tmp_path: Path) -> None:
    """The field assigned in a constructor (``this.api = …``), an ``init {}`` block (``api = …``), or declared in
    the class's ``companion object``: the class's methods call it, outside the block the client is built in."""
    declared = "    private val api: TransfersApi = Retrofit.Builder()\n"
    built = ".create(TransfersApi::class.java)\n"
    shapes = {"constructor": ("    private val api: TransfersApi\n\n    constructor() {\n        this.api = "
                              "Retrofit.Builder()\n", "    }\n"),
              "init": "    private val api: TransfersApi\n\n    init {\n        api = Retrofit.Builder()\n",
              "companion": "    companion object {\n        private val api: TransfersApi = Retrofit.Builder()\n"}
    for name, opening in shapes.items():
        opening, closing = opening if isinstance(opening, tuple) else (opening, "    }\n")
        code = _kotlin(BASE).replace(declared, opening).replace(built, built + closing)
        assert _sent(tmp_path, f"{name}/Repository.kt", code) == [
            ("iugu-unsigned-transfer", "https://api.iugu.com/v1/transfer_requests")], name


_JAVA_METHOD = ('        @Headers({"Content-Type: application/json"})\n        @POST("v3/transfers")\n'
                '        Call<ResponseBody> transfer(@Header("access_token") String token, @Body RequestBody body);\n')
_KOTLIN_METHOD = ('    @Headers("Content-Type: application/json")\n    @POST("v3/transfers")\n'
                  '    suspend fun transfer(@Header("access_token") token: String, @Body corpo: RequestBody): Unit\n')
_SANDBOX = '.baseUrl("https://sandbox.asaas.com/api/")\n'
_SENT = [("asaas-production-key-to-sandbox", "https://sandbox.asaas.com/api/v3/transfers"),
         ("asaas-unsigned-transfer", "https://sandbox.asaas.com/api/v3/transfers")]


def _java(header: str, method: str = _JAVA_METHOD, chain: str = "            .build()\n") -> str:
    """An Asaas interface nested in a Java class whose client, built on the sandbox's base, sends a production key."""
    return ("package br.com.app;\n\nimport retrofit2.Retrofit;\nimport retrofit2.http.*;\n\n"
            f"public class TransferGateway {{\n    {header}\n{method}    }}\n\n"
            f"    private final TransfersApi api = new Retrofit.Builder()\n            {_SANDBOX}{chain}"
            "            .create(TransfersApi.class);\n\n    public void send() throws Exception {\n"
            '        RequestBody body = RequestBody.create("{\\"value\\": 10.5}", JSON);\n'
            f'        api.transfer("{asaas_key("prod")}", body).execute();\n    }}\n}}\n')


def _kotlin_asaas(header: str, method: str = _KOTLIN_METHOD, chain: str = "        .build()\n",
                  before: str = "") -> str:
    """The same in Kotlin, the interface at the file's top level (the key read from the environment)."""
    return ("package br.com.app\n\nimport retrofit2.Retrofit\nimport retrofit2.http.*\n\n"
            f"{before}{header}\n{method}}}\n\n"
            f"class Repository {{\n    private val api: TransfersApi = Retrofit.Builder()\n        {_SANDBOX}{chain}"
            "        .create(TransfersApi::class.java)\n\n    suspend fun transfer(corpo: RequestBody) {\n"
            '        api.transfer(token = System.getenv("ASAAS_KEY"), corpo = corpo)\n    }\n}\n')


def test_an_interface_s_comment_long_header_allman_brace_or_split_lines_leave_its_methods_declared(
        tmp_path: Path) -> None:
    """Code's tokens alone: a comment in the interface that says "interface" before ``@Headers({…})`` declares no
    interface of its own (its method stays the interface's), a header of 570 characters (generics, many supertypes)
    is read to its brace, as is an Allman brace after a block comment; an interface, its annotations and its
    parameters split over lines, each parameter annotated, are the same method. Java and Kotlin alike."""
    comment = "// Retrofit interface method for the transfer: the interface sends it signed\n"
    supertypes = ", ".join(f"br.com.app.contracts.Contract{n}<T>" for n in range(14))
    split_java = ('        @Headers({\n            "Content-Type: application/json",\n'
                  '            "Accept: text/plain"\n        })\n        @POST("v3/transfers")\n'
                  '        Call<ResponseBody> transfer(\n                @Header("access_token") String token,\n'
                  "                @Body RequestBody body\n        );\n")
    split_kotlin = ('    @Headers(\n        "Content-Type: application/json",\n        "Accept: text/plain"\n    )\n'
                    '    @POST("v3/transfers")\n    suspend fun transfer(\n'
                    '        @Header("access_token") token: String,\n        @Body corpo: RequestBody,\n    ): Unit\n')
    java = {"Comment": _java("interface TransfersApi {", "        " + comment + _JAVA_METHOD),
            "Block": _java("interface TransfersApi {", "        /* a Retrofit interface method */\n" + _JAVA_METHOD),
            "Long": _java(f"interface TransfersApi<T extends Comparable<T> & Serializable> extends {supertypes} {{"),
            "Allman": _java("interface TransfersApi /* the account's transfers */\n    {"),
            "Split": _java("interface TransfersApi\n            extends BaseApi {", split_java)}
    kotlin = {"Comment": _kotlin_asaas("interface TransfersApi {", "    " + comment + _KOTLIN_METHOD),
              "Long": _kotlin_asaas(f"interface TransfersApi<T : Comparable<T>> : {supertypes} {{"),
              "Allman": _kotlin_asaas("interface TransfersApi /* the account's transfers */\n{"),
              "Split": _kotlin_asaas("interface TransfersApi :\n    BaseApi {", split_kotlin)}
    for name, code in java.items():
        assert sorted(_sent(tmp_path, f"{name}.java", code)) == _SENT, name
    for name, code in kotlin.items():
        assert _sent(tmp_path, f"{name}.kt", code) == _SENT[1:], name


def test_what_a_comment_holds_or_a_bodiless_interface_or_a_long_chain_hides_no_declared_request(
        tmp_path: Path) -> None:
    """A block comment before an Allman brace that holds a brace or a ``;`` ended the interface's header (its
    methods unread); Kotlin's ``interface Marker`` with no body took the next interface's body for its own; a
    builder's chain of calls longer than 600 characters, or a ``.client(…)`` a comment holds, lost the client or
    its known headers. Each is the request it sends."""
    factories = "".join(f"        .addConverterFactory(br.com.app.converters.Converter{n}Factory.create())\n"
                        for n in range(10))
    assert sorted(_sent(tmp_path, "Braces.java", _java("interface TransfersApi /* v3 { transfers }; */\n    {"))) \
        == _SENT
    for name, code in {"Braces": _kotlin_asaas("interface TransfersApi // v3 { transfers };\n{"),
                       "Marker": _kotlin_asaas("interface TransfersApi {", before="interface Marker\n\n"),
                       "Chain": _kotlin_asaas("interface TransfersApi {", chain=factories + "        .build()\n"),
                       "Client": _kotlin_asaas("interface TransfersApi {", chain="        // .client(okHttp)\n"
                                                                                 "        .build()\n")}.items():
        assert _sent(tmp_path, f"{name}.kt", code) == _SENT[1:], name


def test_a_chain_s_steps_may_take_a_trailing_lambda_or_kotlin_s_null_marks(tmp_path: Path) -> None:
    """A builder's step given a lambda (``.apply { if (DEBUG) … }``, ``.also { … }``), a ``!!`` after a step or a
    ``?.`` before one keep the chain going to its ``.create(…)``: the client is the interface's."""
    for name, chain in {"Apply": "        .apply { if (BuildConfig.DEBUG) addConverterFactory(Scalars.create()) }\n"
                                 "        .build()\n",
                        "Also": '        .build()\n        .also { Log.d("api", "built") }\n',
                        "NotNull": "        .build()!!\n",
                        "SafeCall": "        ?.build()\n        ?"}.items():
        assert _sent(tmp_path, f"{name}.kt", _kotlin_asaas("interface TransfersApi {", chain=chain)) == _SENT[1:], name


def test_an_interface_declared_in_a_slice_above_binds_the_clients_of_the_slices_below(tmp_path: Path) -> None:
    """A file is read in slices of 8,192 lines: the interface at its top was unseen by the clients of the slices
    below (of 1,000 classes, each with its client and its call, only the first slice's 734 were read)."""
    classes = "".join(
        f"class Repository{n} {{\n    private val api: AsaasApi = Retrofit.Builder()\n"
        '        .baseUrl("https://api.asaas.com/")\n        .build()\n        .create(AsaasApi::class.java)\n\n'
        '    suspend fun send(corpo: RequestBody) {\n        api.transfer(System.getenv("ASAAS_KEY"), corpo)\n'
        "    }\n}\n\n" for n in range(1_000))
    code = _kotlin_asaas("interface AsaasApi {").partition("class Repository {")[0] + classes
    found = _sent(tmp_path, "Repositories.kt", code)
    assert len(found) == 1_000 and set(found) == {("asaas-unsigned-transfer", "https://api.asaas.com/v3/transfers")}
