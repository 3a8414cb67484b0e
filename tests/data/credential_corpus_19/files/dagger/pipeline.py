import dagger
from dagger import dag, function, object_type


@object_type
class Conciliacao:
    @function
    async def rodar(self, src: dagger.Directory) -> str:
        token = dag.set_secret("iugu_token", "⟦dg.py⟧")
        return await (
            dag.container()
            .from_("python:3.12-slim")
            .with_directory("/app", src)
            .with_secret_variable("IUGU_API_TOKEN", token)
            .with_exec(["python", "-m", "conciliacao"])
            .stdout()
        )
