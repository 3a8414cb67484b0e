"""A request declared in one place and its base URL bound in another: a declarative client's interface method
(Retrofit's annotations), the client built with a base URL and bound to the interface, and a call of the method
on it, each parameter given the value the call passes (real files in a temporary tree, the CLI)."""

from __future__ import annotations

from pathlib import Path

from helpers.credentials import iugu_token
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
