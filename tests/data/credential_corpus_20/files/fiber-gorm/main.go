package main

import (
	"github.com/gofiber/fiber/v2"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

type Credencial struct {
	gorm.Model
	Provedor string
	Token    string
}

func main() {
	db, _ := gorm.Open(sqlite.Open("loja.db"), &gorm.Config{})
	db.AutoMigrate(&Credencial{})
	db.Create(&Credencial{Provedor: "iugu", Token: "⟦fg.iugu⟧"})
	db.Create(&Credencial{Provedor: "asaas", Token: "⟦fg.asaas⟧"})

	app := fiber.New()
	app.Get("/cobrar", func(c *fiber.Ctx) error {
		agent := fiber.Post("https://api.asaas.com/v3/payments")
		agent.Set("access_token", "⟦fg.agent⟧")
		agent.Set("X-Request-Id", "⟦fg.uuid⟧")
		_, body, _ := agent.Bytes()
		return c.Send(body)
	})
	app.Listen(":3000")
}
