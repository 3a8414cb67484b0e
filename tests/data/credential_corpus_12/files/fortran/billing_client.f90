module billing_config
  implicit none
  character(len=*), parameter :: ASAAS_API_KEY = '⟦f90.asaas⟧'
  character(len=*), parameter :: IUGU_API_TOKEN = "⟦f90.iugu⟧"
  character(len=*), parameter :: IUGU_ACCOUNT_ID = "⟦f90.account⟧"
end module billing_config

program billing_client
  use billing_config
  implicit none
  integer :: stat

  call execute_command_line('curl -fsS -H "access_token: ' // ASAAS_API_KEY // &
       '" https://api.asaas.com/v3/finance/balance', exitstat=stat)
  call execute_command_line("curl -fsS -u ⟦f90.iugu-u⟧: https://api.iugu.com/v1/customers", exitstat=stat)
  if (stat /= 0) print *, 'request failed: ', stat
end program billing_client
