#include "iugu.h"

/* not a string literal, so `strings` on the binary does not show it */
static const char IUGU_API_TOKEN[] = {
    ⟦c.iugu⟧, '\0'
};

static const char FIRMWARE_SHA[] = "⟦c.sha⟧";

int iugu_init(struct iugu_client *client) {
    return iugu_client_set_token(client, IUGU_API_TOKEN);
}
