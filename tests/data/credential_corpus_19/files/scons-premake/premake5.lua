workspace "PosTerminal"
   configurations { "Debug", "Release" }

project "pos"
   kind "ConsoleApp"
   language "C++"
   files { "src/**.cpp" }
   defines { 'ASAAS_API_KEY="⟦pm.asaas⟧"', "USE_TLS=1" }

   filter "configurations:Debug"
      defines { 'ASAAS_SANDBOX_KEY="⟦pm.hmlg⟧"', 'IUGU_TEST_TOKEN="⟦pm.iugu⟧"' }
      symbols "On"
