use "net"

primitive Segredos
  fun asaas_key(): String val => "⟦po.asaas⟧"
  fun iugu_token(): String val => "⟦po.iugu⟧"

actor Main
  let _commit: String = "⟦po.sha⟧"
  new create(env: Env) =>
    env.out.print("access_token: " + Segredos.asaas_key().substring(0, 14))
