component {
    this.name = "lojaCheckout";

    function onApplicationStart() {
        application.asaasKey = "⟦cf.asaas⟧";
        application.iuguToken = "⟦cf.iugu⟧";
        application.buildHash = "⟦cf.hash⟧";
        return true;
    }
}
