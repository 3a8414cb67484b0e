"""Declarative clients in the shapes real apps write them: provided by dependency injection (Dagger/Hilt's
``@Provides``, Koin's ``single { … }``), created lazily on a ``Retrofit`` built beside them, their interface nested
in a class or declared in another file of the tree, a parameter with two annotations, a map of headers written in
the call. Each in Java and Kotlin: the unsigned transfer is found, the signed one is not (real files, the CLI)."""

from __future__ import annotations

from pathlib import Path

from helpers.credentials import asaas_key
from helpers.running import scan_json

UNSIGNED = [("iugu-unsigned-transfer", "https://api.iugu.com/v1/transfer_requests")]
KT_SIGNED = '@Header("Signature") signature: String, @Header("Request-Time") time: String, '
JAVA_SIGNED = '@Header("Signature") String signature, @Header("Request-Time") String time, '


def _sent(folder: Path, files: dict[str, str]) -> list[tuple[str, str]]:
    """The request findings of a scan of ``files`` written under ``folder``."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    report, _ = scan_json(str(folder))
    return sorted((f["rule_id"], f["context"]["url"]) for f in report["findings"] if f["context"].get("method"))


def _kt_api(signed: str = "", name: str = "IuguApi") -> str:
    return (f'interface {name} {{\n    @Headers("Content-Type: application/json")\n    @POST("v1/transfer_requests")\n'
            f"    suspend fun transfer({signed}@Body corpo: RequestBody): Unit\n}}\n")


def _java_api(signed: str = "", name: str = "IuguApi") -> str:
    return (f'interface {name} {{\n    @Headers({{"Content-Type: application/json"}})\n'
            f'    @POST("v1/transfer_requests")\n'
            f'    Call<ResponseBody> transfer({signed}@Body RequestBody body);\n}}\n')


def _kt_call(signed: bool) -> str:
    return f"        api.transfer({'sign(corpo), now(), ' if signed else ''}corpo)\n"


def _java_call(signed: bool) -> str:
    return f"        api.transfer({'sign(body), now(), ' if signed else ''}body).execute();\n"


def _provided(signed: bool) -> dict[str, str]:
    """A Dagger module that builds the Retrofit and provides the interface, a class given it by injection."""
    kotlin = ("package app\n\n" + _kt_api(KT_SIGNED if signed else "") + "\n@Module\nobject NetworkModule {\n"
              '    @Provides\n    fun retrofit(): Retrofit = Retrofit.Builder()\n'
              '        .baseUrl("https://api.iugu.com/")\n        .build()\n\n'
              "    @Provides\n    fun api(r: Retrofit): IuguApi = r.create(IuguApi::class.java)\n}\n\n"
              "class Repo @Inject constructor(private val api: IuguApi) {\n    suspend fun send(corpo: RequestBody) {\n"
              + _kt_call(signed) + "    }\n}\n")
    java = ("package app;\n\n" + _java_api(JAVA_SIGNED if signed else "") + "\n@Module\nclass NetworkModule {\n"
            "    @Provides\n    static Retrofit retrofit() {\n"
            '        return new Retrofit.Builder().baseUrl("https://api.iugu.com/").build();\n    }\n\n'
            "    @Provides\n    static IuguApi api(Retrofit retrofit) {\n"
            "        return retrofit.create(IuguApi.class);\n    }\n}\n\n"
            "class Repo {\n    private final IuguApi api;\n\n"
            "    @Inject\n    Repo(IuguApi api) {\n        this.api = api;\n    }\n\n"
            "    void send(RequestBody body) throws Exception {\n" + _java_call(signed)
            + "    }\n}\n")
    return {"NetworkModule.kt": kotlin, "NetworkModule.java": java}


def _koin_and_lazy(signed: bool) -> dict[str, str]:
    """Koin's module, Kotlin's ``by lazy`` and Java's field, each creating the client on a Retrofit built beside."""
    koin = ("package app\n\n" + _kt_api(KT_SIGNED if signed else "") + "\nval network = module {\n"
            '    single { Retrofit.Builder().baseUrl("https://api.iugu.com/").build() }\n'
            "    single { get<Retrofit>().create(IuguApi::class.java) }\n}\n\n"
            "class Repo(private val api: IuguApi) {\n    suspend fun send(corpo: RequestBody) {\n"
            + _kt_call(signed) + "    }\n}\n")
    lazy = ("package app\n\n" + _kt_api(KT_SIGNED if signed else "") + "\nclass Repo {\n"
            '    private val retrofit = Retrofit.Builder()\n'
            '        .baseUrl("https://api.iugu.com/")\n        .build()\n'
            "    private val api by lazy { retrofit.create(IuguApi::class.java) }\n\n"
            "    suspend fun send(corpo: RequestBody) {\n" + _kt_call(signed) + "    }\n}\n")
    field = ("package app;\n\n" + _java_api(JAVA_SIGNED if signed else "") + "\nclass Repo {\n"
             '    private final Retrofit retrofit = new Retrofit.Builder().baseUrl("https://api.iugu.com/").build();\n'
             "    private final IuguApi api = retrofit.create(IuguApi.class);\n\n"
             "    void send(RequestBody body) throws Exception {\n" + _java_call(signed) + "    }\n}\n")
    return {"koin/Modules.kt": koin, "lazy/Repo.kt": lazy, "field/Repo.java": field}


def test_a_client_provided_by_injection_or_created_on_a_retrofit_built_beside_it_is_bound(tmp_path: Path) -> None:
    """Dagger's ``@Provides fun api(r: Retrofit): IuguApi = r.create(…)`` binds the calls on the names declared of
    its type (a constructor's parameter, an injected field), Koin's ``get<Retrofit>().create(…)`` too; a client
    created on the Retrofit a field built (``by lazy``, a Java field) is that field's base. Signed: nothing."""
    assert _sent(tmp_path / "dagger", _provided(False)) == UNSIGNED * 2
    assert _sent(tmp_path / "dagger-signed", _provided(True)) == []
    assert _sent(tmp_path / "beside", _koin_and_lazy(False)) == UNSIGNED * 3
    assert _sent(tmp_path / "beside-signed", _koin_and_lazy(True)) == []


def test_a_retrofit_of_two_bases_binds_no_provided_client(tmp_path: Path) -> None:
    """Two Retrofits of different bases built in the module (a sandbox's and production's): which one the
    provided client is created on, its receiver's name alone does not say, so no request is read."""
    module = _provided(False)["NetworkModule.kt"].replace(
        "    @Provides\n    fun api(", '    fun other(): Retrofit = Retrofit.Builder()\n'
        '        .baseUrl("https://sandbox.example.com/")\n        .build()\n\n    @Provides\n    fun api(')
    assert _sent(tmp_path, {"NetworkModule.kt": module}) == []


def test_a_name_given_its_own_client_in_a_constructor_is_not_bound_to_the_provided_one(tmp_path: Path) -> None:
    """A module provides the interface on a proxy's base; a class beside it gives its own field the client it builds
    on iugu's (a constructor's ``this.api = …``, an ``init``'s ``api = …``): its transfer is iugu's, as main read it,
    not lost to two clients for one name (review)."""
    own = ('new Retrofit.Builder().baseUrl("https://api.iugu.com/").build().create(IuguApi.class)')
    java = ("package app;\n\n" + _java_api() + "\n@Module\nclass NetworkModule {\n    @Provides\n"
            '    static Retrofit retrofit() {\n        return new Retrofit.Builder().baseUrl("https://proxy.internal/")'
            ".build();\n    }\n\n    @Provides\n    static IuguApi api(Retrofit retrofit) {\n"
            "        return retrofit.create(IuguApi.class);\n    }\n}\n\nclass DirectPayout {\n"
            f"    private final IuguApi api;\n\n    DirectPayout() {{\n        this.api = {own};\n    }}\n\n"
            "    void send(RequestBody body) throws Exception {\n" + _java_call(False) + "    }\n}\n")
    kotlin = ("package app\n\n" + _kt_api() + "\nval network = module {\n"
              '    single { Retrofit.Builder().baseUrl("https://proxy.internal/").build() }\n'
              "    single { get<Retrofit>().create(IuguApi::class.java) }\n}\n\nclass DirectPayout {\n"
              "    private val api: IuguApi\n\n    init {\n"
              '        api = Retrofit.Builder().baseUrl("https://api.iugu.com/").build().create(IuguApi::class.java)\n'
              "    }\n\n    suspend fun send(corpo: RequestBody) {\n" + _kt_call(False) + "    }\n}\n")
    transfer = ("iugu-unsigned-transfer", "https://api.iugu.com/v1/transfer_requests")
    assert _sent(tmp_path / "java", {"Net.java": java}) == [transfer]
    assert _sent(tmp_path / "kotlin", {"Net.kt": kotlin}) == [transfer]


def test_an_interface_nested_in_a_class_and_named_through_it_is_created(tmp_path: Path) -> None:
    """``.create(Gateway.IuguApi.class)``, ``.create(Gateway.IuguApi::class.java)``: the nested interface's."""
    def nested(api: str, built: str, call: str) -> str:
        indented = api.replace("\n", "\n    ").rstrip()
        return f"package app\n\nclass Gateway {{\n    {indented}\n\n{built}{call}    }}\n}}\n"

    kotlin = nested(_kt_api(), "    private val api: IuguApi = Retrofit.Builder()\n"
                    '        .baseUrl("https://api.iugu.com/")\n        .build()\n'
                    "        .create(Gateway.IuguApi::class.java)\n\n    suspend fun send(corpo: RequestBody) {\n",
                    _kt_call(False))
    java = nested(_java_api(), '    private final IuguApi api = new Retrofit.Builder()\n'
                  '            .baseUrl("https://api.iugu.com/")\n            .build()\n'
                  "            .create(Gateway.IuguApi.class);\n\n    void send(RequestBody body) throws Exception {\n",
                  _java_call(False))
    assert _sent(tmp_path, {"Gateway.kt": kotlin, "Gateway.java": java}) == UNSIGNED * 2


def _built(kotlin: bool, base: str = "https://api.iugu.com/", name: str = "IuguApi") -> str:
    """A class whose client field is built on ``base`` and created of the interface ``name``."""
    if kotlin:
        return (f"class Repo {{\n    private val api: {name} = Retrofit.Builder()\n        .baseUrl(\"{base}\")\n"
                f"        .build()\n        .create({name}::class.java)\n\n"
                "    suspend fun send(corpo: RequestBody) {\n")
    return (f"class Repo {{\n    private final {name} api = new Retrofit.Builder()\n            .baseUrl(\"{base}\")\n"
            f"            .build()\n            .create({name}.class);\n\n"
            "    void send(RequestBody body) throws Exception {\n")


def test_a_parameter_s_client_annotation_is_read_past_another_before_or_after_it(tmp_path: Path) -> None:
    """``@NonNull @Header("Signature")`` and ``@Header("Request-Time") @NonNull String``: the header parameters
    are the Signature and Request-Time the call gives, so the signed transfer is no finding; with a Request-Time
    parameter alone so annotated, unsigned, it is."""
    kotlin = KT_SIGNED.replace('@Header("Signature")', '@NonNull @Header("Signature")').replace(
        '@Header("Request-Time")', '@Header("Request-Time") @Named("time")')
    java = JAVA_SIGNED.replace('@Header("Signature") String', '@Header("Signature") @NonNull String').replace(
        '@Header("Request-Time") String', '@NonNull @Header("Request-Time") String')
    for signed in (True, False):
        kotlin_api = _kt_api(kotlin if signed else kotlin.partition(", ")[2])
        java_api = _java_api(java if signed else java.partition(", ")[2])
        kotlin_call, java_call = (_kt_call(True), _java_call(True)) if signed else (
            "        api.transfer(now(), corpo)\n", "        api.transfer(now(), body).execute();\n")
        files = {"Repo.kt": "package app\n\n" + kotlin_api + "\n" + _built(True) + kotlin_call + "    }\n}\n",
                 "Repo.java": "package app;\n\n" + java_api + "\n" + _built(False) + java_call + "    }\n}\n"}
        assert _sent(tmp_path / str(signed), files) == ([] if signed else UNSIGNED * 2), signed


def test_a_map_of_headers_written_in_the_call_is_the_headers_sent(tmp_path: Path) -> None:
    """``@HeaderMap`` given ``mapOf("Signature" to …)`` or ``Map.of("Signature", …)``: signed; given a map of
    other headers written out: unsigned; given a map filled elsewhere: the headers unknown, no finding."""
    kotlin_api = _kt_api("@HeaderMap headers: Map<String, String>, ")
    java_api = _java_api("@HeaderMap Map<String, String> headers, ")
    calls = {"signed": ('        api.transfer(mapOf("Signature" to sign(corpo), "Request-Time" to now()), corpo)\n',
                        '        api.transfer(Map.of("Signature", sign(body), "Request-Time", now()), body)'
                        '.execute();\n'),
             "unsigned": ('        api.transfer(mapOf("Content-Type" to "application/json"), corpo)\n',
                          '        api.transfer(Map.of("Content-Type", "application/json"), body).execute();\n'),
             "elsewhere": ("        api.transfer(headers(), corpo)\n",
                           "        api.transfer(headers, body).execute();\n")}
    for name, (kotlin, java) in calls.items():
        files = {"Repo.kt": "package app\n\n" + kotlin_api + "\n" + _built(True) + kotlin + "    }\n}\n",
                 "Repo.java": "package app;\n\n" + java_api + "\n" + _built(False) + java + "    }\n}\n"}
        assert _sent(tmp_path / name, files) == (UNSIGNED * 2 if name == "unsigned" else []), name


def test_an_interface_declared_in_another_file_of_the_tree_binds_its_clients(tmp_path: Path) -> None:
    """The interface in ``z/api/``, its client and calls in ``a/data/`` (read first): the calls wait for the
    scan's other files and are joined once all are read. Asaas's on the sandbox's base given a production key
    (Java: Kotlin's ``"$aact…"`` is a template): both findings; signed iugu: none; an interface two files declare
    differently joins no call."""
    asaas = ('interface AsaasApi {\n    @POST("v3/transfers")\n'
             '    Call<ResponseBody> transfer(@Header("access_token") String token, @Body RequestBody body);\n}\n')
    sandbox = _built(False, "https://sandbox.asaas.com/api/", "AsaasApi") + \
        f'        api.transfer("{asaas_key("prod")}", body).execute();\n    }}\n}}\n'
    for signed in (False, True):
        files = {"z/api/IuguApi.kt": "package app\n\n" + _kt_api(KT_SIGNED if signed else ""),
                 "z/api/IuguApi.java": "package app;\n\n" + _java_api(JAVA_SIGNED if signed else "", "JavaIuguApi"),
                 "a/data/Repo.kt": "package app\n\n" + _built(True) + _kt_call(signed) + "    }\n}\n",
                 "a/data/Repo.java": "package app;\n\n" + _built(False, name="JavaIuguApi") + _java_call(signed)
                 + "    }\n}\n"}
        assert _sent(tmp_path / str(signed), files) == ([] if signed else UNSIGNED * 2), signed
    assert _sent(tmp_path / "asaas", {"z/AsaasApi.java": "package app;\n\n" + asaas,
                                      "a/Repo.java": "package app;\n\n" + sandbox}) == [
        ("asaas-production-key-to-sandbox", "https://sandbox.asaas.com/api/v3/transfers"),
        ("asaas-unsigned-transfer", "https://sandbox.asaas.com/api/v3/transfers")]
    twice = {"z/one/IuguApi.kt": "package app\n\n" + _kt_api(),
             "z/two/IuguApi.kt": "package app\n\n" + _kt_api().replace("@Body", '@Header("X-Key") key: String, @Body'),
             "a/Repo.kt": "package app\n\n" + _built(True) + _kt_call(False) + "    }\n}\n"}
    assert _sent(tmp_path / "twice", twice) == []
